import { useMemo } from "react";
import { KeySample } from "../../components/charts/SeriesKey";
import { Scroller } from "../../components/Scroller";
import { useStoreWhileVisible } from "../../components/VisibleSection";
import { selectTrainingRuns, trainingStore } from "../../store/training";
import { type CostRow, costTable } from "../../store/training/costTable";
import { METHOD_INFO } from "./methodInfo";
import { PAPER_ROWS, TheirCells } from "./TheirFigures";

const HERE = "here (MNIST, live)";
const pct = (v: number | null) => (v === null ? "…" : `${(v * 100).toFixed(1)}%`);

/** This tab's run of the same method, in the paper row's terms (or how to get one). */
function OursCell({
  row,
  eps,
  fastSetting,
}: {
  row: CostRow | undefined;
  eps: number | null;
  /** For fast training: its start and step, which may not be the paper's. */
  fastSetting?: string;
}) {
  if (!row || eps === null)
    return (
      <td className="ours" data-label={HERE}>
        not trained here yet
      </td>
    );
  const cost = row.costVsStandard === null ? "" : `, ${row.costVsStandard.toFixed(2)}× standard`;
  return (
    <td className="ours" data-label={HERE}>
      {pct(row.clean)} clean, {pct(row.robust)} robust at {Math.round(eps * 255)}/255
      {fastSetting && ` (${fastSetting})`}
      {cost}, {row.seconds.toFixed(1)} s
    </td>
  );
}

/**
 * The papers' figures, with their settings, next to this tab's runs of the same methods. Theirs
 * are CIFAR-10 on large networks and GPUs; ours are MNIST digits on a tiny model in a browser.
 */
export function PublishedFigures() {
  const runs = useStoreWhileVisible(trainingStore, selectTrainingRuns);
  const rows = useMemo(() => costTable(runs), [runs]);
  const eps = runs[0]?.spec.settings.eps ?? null;
  const fast = runs.find((r) => r.method === "fast")?.spec.settings;
  const fastSetting =
    fast && `${fast.fastRandomStart ? "random" : "zero"} start, step ${fast.fastStepRatio}ε`;
  return (
    <section className="paper-figures" aria-label="Published figures">
      <h4>What the papers report (their setting), and what the runs here give (ours)</h4>
      <Scroller label="published figures table">
        <table className="compare reflow">
          <thead>
            <tr>
              <th scope="col">method, paper</th>
              <th scope="col">their setting</th>
              <th scope="col">their result</th>
              <th scope="col">{HERE}</th>
            </tr>
          </thead>
          <tbody>
            {PAPER_ROWS.map((p) => (
              <tr key={p.method} className="paper-row" data-method={p.method}>
                <th scope="row">
                  <KeySample item={{ ...METHOD_INFO[p.method], noLine: true }} /> {p.name}
                </th>
                <TheirCells method={p.method} />
                <OursCell
                  row={rows.find((r) => r.method === p.method)}
                  eps={eps}
                  fastSetting={p.method === "fast" ? fastSetting : undefined}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      <p className="caption">
        Their figures, each from the repository named beside it (we could not check the papers' own
        tables here): free training needed about 1/6 of PGD training's time for the same robustness,
        and fast FGSM about 1/65 of free training's (with training speed-ups of its own). Their
        minutes are GPU minutes on networks thousands of times larger than ours: compare ratios, not
        minutes. Ours are computed in this tab.
      </p>
    </section>
  );
}
