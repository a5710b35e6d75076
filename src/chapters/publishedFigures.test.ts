import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JSMA_DEFAULTS } from "../engine/attacks/jsma";
import { ZOO } from "../engine/attacks/zoo/registry";
import { CohenTable } from "./armsRace/CohenTable";
import { PUBLISHED_FIGURES, printFigure, trainingId } from "./publishedFigures";
import { REFS } from "./references";
import { PAPER_ROWS, TheirCells } from "./training/TheirFigures";
import { ZooExplainers } from "./zoo/ZooExplainers";

const html = (node: Parameters<typeof renderToStaticMarkup>[0]) =>
  renderToStaticMarkup(node).replaceAll("&#x27;", "'").replaceAll("&amp;", "&");

/** The training rows as the chapter prints them. */
const trainingHtml = html(
  createElement(
    "table",
    null,
    createElement(
      "tbody",
      null,
      PAPER_ROWS.map((r) =>
        createElement("tr", { key: r.method }, createElement(TheirCells, { method: r.method })),
      ),
    ),
  ),
);

describe("the list of published figures", () => {
  it("names, for every figure, its paper, where it is printed, its setting and what it measures", () => {
    expect(PUBLISHED_FIGURES.length).toBeGreaterThan(20);
    for (const f of PUBLISHED_FIGURES) {
      expect(REFS[f.source.paper], f.id).toBeDefined();
      expect(f.source.where.length, f.id).toBeGreaterThan(10);
      expect(f.source.url, f.id).toMatch(/^https:\/\/github\.com\//);
      expect(f.setting.length, f.id).toBeGreaterThan(10);
      expect(f.quantity.length, f.id).toBeGreaterThan(5);
      expect(Number.isFinite(f.value), f.id).toBe(true);
    }
    expect(new Set(PUBLISHED_FIGURES.map((f) => f.id)).size).toBe(PUBLISHED_FIGURES.length);
  });

  it("prints Cohen et al.'s table from the list, cell by cell, and names where it comes from", () => {
    const table = html(createElement(CohenTable));
    const cells = [...table.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
    const cohen = PUBLISHED_FIGURES.filter((f) => f.id.startsWith("cohen-"));
    expect(cells).toEqual(cohen.map(printFigure));
    expect(cells).toContain("38%");
    expect(table).toContain(cohen[0].source.where);
    expect(table).not.toContain("the paper's figures");
  });

  it("prints each training figure from the list, beside the source it comes from", () => {
    for (const row of PAPER_ROWS)
      for (const what of ["clean", "robust", "minutes"] as const) {
        const f = PUBLISHED_FIGURES.find((p) => p.id === trainingId(row.method, what));
        expect(f, `${row.method} ${what}`).toBeDefined();
        if (!f) continue;
        expect(trainingHtml).toContain(printFigure(f));
        expect(trainingHtml).toContain(f.source.where);
      }
    expect(trainingHtml).toContain("4,966 min");
    expect(trainingHtml).toContain("46.33%");
  });

  it("quotes JSMA's gamma as the engine and the zoo use it", () => {
    const gamma = PUBLISHED_FIGURES.find((f) => f.id === "jsma-gamma");
    expect(gamma?.value).toBe(JSMA_DEFAULTS.gamma);
    expect(gamma?.value).toBe(ZOO.jsma.params.gamma.value);
    if (gamma)
      expect(html(createElement(ZooExplainers))).toContain(`= ${printFigure(gamma)} of the pixels`);
  });
});
