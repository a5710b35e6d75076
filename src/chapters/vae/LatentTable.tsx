import { NumberSelect } from "../../components/controls/NumberSelect";
import { RunButton } from "../../components/controls/RunButton";
import { RunProgress } from "../../components/controls/RunProgress";
import { formatEpsilon, formatPercent } from "../../components/format";
import { Scroller } from "../../components/Scroller";
import type { LevelSums } from "../../engine/vae/measure";
import { selectVaeActions, selectVaeTable, selectVaeTableCount, useVae } from "../../store/vae";
import { PATH_LEVELS, TABLE_COUNTS } from "../../store/vae/vaeStore";

const mean = (sum: number, n: number) => (n > 0 ? (sum / n).toFixed(2) : "–");
const rate = (hits: number, n: number) => (n > 0 ? formatPercent(hits / n) : "–");

/** One live sentence: at the table's middle eps, is the VAE or the CNN easier to steer? */
function Verdict({ sums }: { sums: LevelSums[] }) {
  const k = PATH_LEVELS.indexOf(26);
  const s = sums[k];
  if (!s || s.count === 0) return null;
  const vae = s.attackReconHits / s.count;
  const cnn = s.cnnHits / s.count;
  const which =
    vae > cnn
      ? "the VAE was easier to steer than the classifier"
      : vae < cnn
        ? "the classifier was easier to steer than the VAE"
        : "both were steered equally often";
  return (
    <p className="latent-verdict-summary" role="status">
      At ε = {formatEpsilon(26)} on {s.count} test digits, the reconstruction became the target
      class for {formatPercent(vae)} of them and targeted PGD turned the CNN itself for{" "}
      {formatPercent(cnn)}: here, {which}.
    </p>
  );
}

/** Attack vs noise, and VAE vs CNN, measured over N test digits in the worker. */
export function LatentTable() {
  const actions = useVae(selectVaeActions);
  const table = useVae(selectVaeTable);
  const count = useVae(selectVaeTableCount);
  const running = table?.status === "running";
  return (
    <section
      className="panel latent-table-panel"
      aria-label="Attack against noise, over many digits"
    >
      <h3>Over many digits</h3>
      <p className="panel-note">
        Each test digit is pulled toward the centroid of the next class ((label + 1) mod 10).
        Distances are in latent units (the 16 or 2 coordinates of the code); "read as target" means
        chapter 2's CNN reads the reconstruction as the target class. The last column attacks the
        CNN directly with targeted PGD, the same ε and iterations; all three (attack, noise and PGD)
        are rounded to 8-bit grey levels before they are read.
      </p>
      <div className="demo-toolbar">
        <NumberSelect
          className="field inline"
          label="Test digits"
          value={count}
          options={TABLE_COUNTS}
          onChange={actions.setTableCount}
          disabled={running}
        />
        <RunButton
          running={running}
          label="Measure"
          onRun={actions.runTable}
          onStop={actions.cancelTable}
        />
        <RunProgress run={table} unit="digits" />
      </div>
      <Scroller label="latent attack table">
        <table className="latent-table" aria-label="latent attack vs random noise">
          <thead>
            <tr>
              <th scope="col">ε</th>
              <th scope="col">moved toward target: attack</th>
              <th scope="col">noise</th>
              <th scope="col">read as target: attack</th>
              <th scope="col">noise</th>
              <th scope="col">CNN under PGD reaches target</th>
            </tr>
          </thead>
          <tbody>
            {PATH_LEVELS.map((level, k) => {
              const s = table?.sums?.[k];
              const n = s?.count ?? 0;
              return (
                <tr key={level} data-filled={n > 0 ? "" : undefined}>
                  <th scope="row">
                    {level}/255 <small>({(level / 255).toFixed(3)})</small>
                  </th>
                  <td>{s ? mean(s.attackMoved, n) : "–"}</td>
                  <td>{s ? mean(s.noiseMoved, n) : "–"}</td>
                  <td>{s ? rate(s.attackReconHits, n) : "–"}</td>
                  <td>{s ? rate(s.noiseReconHits, n) : "–"}</td>
                  <td>{s ? rate(s.cnnHits, n) : "–"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroller>
      {table?.sums && <Verdict sums={table.sums} />}
    </section>
  );
}
