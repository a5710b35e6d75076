import { memo, useMemo } from "react";
import { PixelCanvas } from "../../components/canvas/PixelCanvas";
import { formatDecimal, formatPercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
import type { ZooCompareRow, ZooComparison } from "../../engine/attacks/zoo/compare";
import { ZOO } from "../../engine/attacks/zoo/registry";
import { displayName } from "../../engine/models/classNames";
import { perturbationBytes } from "../../engine/pixels";
import { argMax } from "../../engine/topK";
import { selectZooActions, selectZooSort, useZoo } from "../../store/zoo";
import { sortZooRows } from "../../store/zoo/sortRows";
import type { ZooSortKey } from "../../store/zoo/zooStore";
import { TraceSparkline } from "./TraceSparkline";
import { zooAnchor } from "./ZooExplainers";

/** The sortable columns, in table order, with their header text. */
const COLUMNS: { key: ZooSortKey; label: string }[] = [
  { key: "name", label: "Attack" },
  { key: "success", label: "Success" },
  { key: "confidence", label: "Top-1 after" },
  { key: "margin", label: "Logit margin" },
  { key: "l0", label: "L0 (values changed)" },
  { key: "l2", label: "L2" },
  { key: "linf", label: "L∞" },
  { key: "gradients", label: "Gradients" },
  { key: "ms", label: "Time" },
];

/**
 * One gain for every row's perturbation: the largest change of any row maps to full black or
 * white, so a row that looks fainter really changed the image less.
 */
export function sharedGain(rows: readonly ZooCompareRow[]): number {
  const largest = Math.max(0, ...rows.map((r) => r.size.linf)) * 255;
  return largest > 0 ? Math.min(127.5, 127.5 / largest) : 1;
}

/** A size in [0,1] units and in 8-bit levels: "0.0314 (8 levels)". */
const bothUnits = (v: number) => `${formatDecimal(v)} (${formatDecimal(v * 255, 0.01)} levels)`;

function SortHeader({ column }: { column: (typeof COLUMNS)[number] }) {
  const { sortBy } = useZoo(selectZooActions);
  const sort = useZoo(selectZooSort);
  const active = sort.key === column.key;
  return (
    <th scope="col" aria-sort={active ? (sort.ascending ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort-button" onClick={() => sortBy(column.key)}>
        {column.label}
        <span aria-hidden="true">{active ? (sort.ascending ? " ▲" : " ▼") : ""}</span>
      </button>
    </th>
  );
}

/** The class a row ends on, by name (photos) or digit, with its confidence. */
function topOne(row: ZooCompareRow, photo: boolean): string {
  const k = argMax(row.probs);
  return `${photo ? displayName(k) : `digit ${k}`} ${formatPercent(row.probs[k])}`;
}

/** The margin reached, with the margin C&W was asked for when it is not 0: "2.13 (κ = 2)". */
function marginCell(row: ZooCompareRow): string {
  const kappa = row.id === "cw" ? row.params.confidence : 0;
  return `${formatDecimal(row.margin, 0.01)}${kappa > 0 ? ` (κ = ${kappa})` : ""}`;
}

/** One attack's row; its perturbation image is built once per row and gain. */
const ResultRow = memo(function ResultRow({
  row,
  cleanRgba,
  gain,
  size,
  photo,
}: {
  row: ZooCompareRow;
  cleanRgba: Uint8ClampedArray;
  gain: number;
  size: number;
  photo: boolean;
}) {
  const name = ZOO[row.id].name;
  const perturbation = useMemo(
    () => perturbationBytes(row.advRgba, cleanRgba, gain),
    [row, cleanRgba, gain],
  );
  return (
    <tr data-attack={row.id}>
      <th scope="row">
        <a href={`#${zooAnchor(row.id)}`}>{name}</a>
      </th>
      <td className="zoo-images">
        <PixelCanvas
          rgba={row.advRgba}
          size={size}
          label={`${name}: adversarial image`}
          className="zoo-tile"
        />
        <PixelCanvas
          rgba={perturbation}
          size={size}
          label={`${name}: perturbation, amplified ×${formatDecimal(gain)}`}
          className="zoo-tile"
        />
      </td>
      <td>{row.success ? "yes" : "no"}</td>
      <td>{topOne(row, photo)}</td>
      <td>{marginCell(row)}</td>
      <td>{row.size.l0.toLocaleString("en")}</td>
      <td>{bothUnits(row.size.l2)}</td>
      <td>{bothUnits(row.size.linf)}</td>
      <td>
        {row.backward}
        <span className="hint"> ({row.forward} forward)</span>
      </td>
      <td>{row.ms < 1000 ? `${Math.round(row.ms)} ms` : `${(row.ms / 1000).toFixed(1)} s`}</td>
      <td>
        <TraceSparkline trace={row.trace} name={name} />
      </td>
    </tr>
  );
});

/** The comparison as a sortable table: images, perturbations at one gain, sizes, cost, trace. */
export const ZooResultsTable = memo(function ZooResultsTable({
  comparison,
  photo,
  running,
}: {
  comparison: ZooComparison;
  photo: boolean;
  running: boolean;
}) {
  const sort = useZoo(selectZooSort);
  const rows = sortZooRows(comparison.rows, sort.key, sort.ascending);
  const gain = sharedGain(comparison.rows);
  const size = Math.round(Math.sqrt(comparison.cleanRgba.length / 4));
  return (
    <div className="zoo-results">
      <figure className="zoo-clean">
        <PixelCanvas
          rgba={comparison.cleanRgba}
          size={size}
          label="clean image"
          className="zoo-tile"
        />
        <figcaption>
          The clean image: the model reads{" "}
          {photo ? `“${displayName(comparison.label)}”` : `digit ${comparison.label}`}. Targeted
          attacks aim at{" "}
          {photo ? `“${displayName(comparison.target)}”` : `digit ${comparison.target}`}.
        </figcaption>
      </figure>
      <p className="panel-note">
        Every perturbation is shown at the same amplification, ×{formatDecimal(gain)} (mid grey: no
        change), so fainter means smaller. Sizes are of the change x′ − x, in [0,1] units and in
        8-bit grey levels. The logit margin is how far past the decision boundary the attack went
        (the best other logit minus the clean class's; for targeted attacks, the target's minus the
        best other): above 0 where it succeeded, and at least κ where C&W succeeded.
        {running ? " Rows appear as each attack finishes." : ""}
      </p>
      <Scroller label="comparison table">
        <table className="zoo-table" aria-label="attack comparison results">
          <thead>
            <tr>
              <SortHeader column={COLUMNS[0]} />
              <th scope="col">Image, perturbation</th>
              {COLUMNS.slice(1).map((c) => (
                <SortHeader key={c.key} column={c} />
              ))}
              <th scope="col">Loss over iterations</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ResultRow
                key={row.id}
                row={row}
                cleanRgba={comparison.cleanRgba}
                gain={gain}
                size={size}
                photo={photo}
              />
            ))}
          </tbody>
        </table>
      </Scroller>
    </div>
  );
});
