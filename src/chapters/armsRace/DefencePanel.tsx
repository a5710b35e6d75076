import { NumberSelect } from "../../components/controls/NumberSelect";
import { RunButton } from "../../components/controls/RunButton";
import { RunProgress } from "../../components/controls/RunProgress";
import { formatEpsilon, formatPercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
import type { DefenceHits } from "../../engine/defences/measureDefence";
import {
  selectDefenceActions,
  selectDefenceCount,
  selectDefenceEpsLevel,
  selectDefenceLevels,
  selectDefenceTable,
  useDefence,
} from "../../store/armsRace";
import {
  DEFENCE_COUNTS,
  DEFENCE_EPS_LEVELS,
  DEFENCE_LEVELS,
  DEFENCE_STEPS,
} from "../../store/armsRace/defenceStore";

/** The table's rows: which attack, and where its accuracy is read in the tally. */
const ROWS: {
  label: string;
  undefended: keyof DefenceHits["undefended"] | null;
  defended: keyof DefenceHits["defended"];
}[] = [
  { label: "No attack", undefended: "clean", defended: "clean" },
  { label: "FGSM", undefended: "fgsm", defended: "fgsm" },
  { label: `PGD, ${DEFENCE_STEPS} steps`, undefended: "pgd", defended: "pgd" },
  { label: `BPDA + PGD, ${DEFENCE_STEPS} steps`, undefended: null, defended: "bpda" },
];

function Controls() {
  const actions = useDefence(selectDefenceActions);
  const levels = useDefence(selectDefenceLevels);
  const epsLevel = useDefence(selectDefenceEpsLevel);
  const count = useDefence(selectDefenceCount);
  const table = useDefence(selectDefenceTable);
  const running = table?.status === "running";
  return (
    <div className="demo-toolbar">
      <NumberSelect
        className="field inline"
        label="Grey values kept"
        value={levels}
        options={DEFENCE_LEVELS}
        onChange={actions.setLevels}
        disabled={running}
      />
      <label className="field inline">
        Budget ε{" "}
        <select
          value={epsLevel}
          onChange={(e) => actions.setEpsLevel(Number(e.target.value))}
          disabled={running}
        >
          {DEFENCE_EPS_LEVELS.map((k) => (
            <option key={k} value={k}>
              {formatEpsilon(k)}
            </option>
          ))}
        </select>
      </label>
      <NumberSelect
        className="field inline"
        label="Test digits"
        value={count}
        options={DEFENCE_COUNTS}
        onChange={actions.setCount}
        disabled={running}
      />
      <RunButton
        running={running}
        label="Attack the defence"
        onRun={actions.run}
        onStop={actions.cancel}
      />
      <RunProgress run={table} unit="digits" />
    </div>
  );
}

const share = (hits: number | undefined, n: number) =>
  hits === undefined || n === 0 ? "–" : formatPercent(hits / n);

/** One live sentence on what the table shows, once it has numbers. */
function Verdict({ hits, epsLevel }: { hits: DefenceHits; epsLevel: number }) {
  const n = hits.count;
  const { defended: d } = hits;
  return (
    <p className="defence-verdict" role="status">
      At ε = {formatEpsilon(epsLevel)} on {n} test digits, PGD through the defence leaves{" "}
      {share(d.pgd, n)} of them correct; the same PGD with BPDA's gradient leaves {share(d.bpda, n)}
      .{" "}
      {d.bpda < d.pgd
        ? "The defence only hid the gradient."
        : "Here the rounding really held: try more grey values or a larger ε."}
    </p>
  );
}

/** The defence measured live: accuracy without and with it, under each attack. */
export function DefencePanel() {
  const table = useDefence(selectDefenceTable);
  const hits = table?.result ?? null;
  const n = hits?.count ?? 0;
  return (
    <section
      className="demo panel"
      id="masked-defence"
      aria-label="A defence that looks robust, broken"
    >
      <h3>A defence that looks robust, until BPDA</h3>
      <Controls />
      <Scroller label="defence table">
        <table
          className="defence-table"
          aria-label="accuracy under attack, without and with the defence"
        >
          <caption>
            Test digits still read correctly by chapter 2's CNN
            {table ? `, ${table.levels} grey values, ε = ${formatEpsilon(table.epsLevel)}` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Attack</th>
              <th scope="col">CNN alone</th>
              <th scope="col">CNN behind the rounding</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label} data-row={row.defended}>
                <th scope="row">{row.label}</th>
                <td>{row.undefended ? share(hits?.undefended[row.undefended], n) : "n/a"}</td>
                <td>{share(hits?.defended[row.defended], n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroller>
      {hits && table && <Verdict hits={hits} epsLevel={table.epsLevel} />}
      <p className="panel-note">
        PGD starts from a random point of the ε-box and steps by max(ε/4, 2.5ε/{DEFENCE_STEPS}).
        BPDA's examples are crafted with the straight-through gradient and judged by the defended
        model, rounding included. <b>The paper's setting and result:</b> Athalye et al. applied BPDA
        to the ICLR 2018 defences on their own data sets; thermometer encoding (Buckman et al.), a
        many-level relative of this rounding, fell to 0% accuracy on CIFAR-10 at L∞ ε = 0.031, and
        the input transformations of Guo et al. (bit-depth reduction among them) to 0% on ImageNet
        at an L2 distortion of 0.05 as the paper measures it. This demo is smaller: MNIST, a 2-layer
        CNN, the first N test digits.
      </p>
    </section>
  );
}
