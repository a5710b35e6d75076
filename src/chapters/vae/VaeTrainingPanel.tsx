import { useMemo } from "react";
import { type LineSeries, LiveLineChart } from "../../components/charts/LiveLineChart";
import { OKABE_ITO } from "../../components/charts/palette";
import { SeriesKey } from "../../components/charts/SeriesKey";
import { NumberSelect } from "../../components/controls/NumberSelect";
import { TrainingButtons } from "../../components/controls/TrainingButtons";
import {
  selectVaeActions,
  selectVaeBeta,
  selectVaeKind,
  selectVaeRetrained,
  selectVaeTrainEpochs,
  selectVaeTraining,
  useVae,
} from "../../store/vae";
import { BETAS, TRAIN_EPOCHS, type VaeTraining } from "../../store/vae/vaeStore";

const formatNats = (v: number) => v.toFixed(0);

/** Reconstruction and KL drawn separately, nats per digit against minibatches. */
function LossChart({ training }: { training: VaeTraining }) {
  const series = useMemo<LineSeries[]>(
    () => [
      {
        id: "reconstruction",
        label: "reconstruction",
        color: OKABE_ITO.blue,
        points: training.points.map((p) => ({ x: p.step, y: p.reconstruction })),
      },
      {
        id: "kl",
        label: "KL",
        color: OKABE_ITO.vermillion,
        dash: "6 3",
        points: training.points.map((p) => ({ x: p.step, y: p.kl })),
      },
    ],
    [training.points],
  );
  const yMax = Math.max(1, ...training.points.map((p) => Math.max(p.reconstruction, p.kl)));
  return (
    <>
      <SeriesKey
        label="loss terms"
        items={series.map((s) => ({ id: s.id, label: s.label, color: s.color, dash: s.dash }))}
      />
      <LiveLineChart
        series={series}
        xEnd={training.total}
        xLabel="minibatches"
        formatX={(x) => String(Math.round(x))}
        formatY={formatNats}
        yMax={yMax}
      />
    </>
  );
}

/** Retrain the VAE on screen, live in the digits worker: beta, epochs, pause, reset. */
export function VaeTrainingPanel() {
  const actions = useVae(selectVaeActions);
  const beta = useVae(selectVaeBeta);
  const epochs = useVae(selectVaeTrainEpochs);
  const training = useVae(selectVaeTraining);
  const kind = useVae(selectVaeKind);
  const retrained = useVae(selectVaeRetrained);
  const active = training?.status === "running" || training?.status === "paused";
  const last = training?.tests[training.tests.length - 1];
  return (
    <section className="panel vae-training" aria-label="Retrain the VAE">
      <h3>Retrain it yourself</h3>
      <p className="panel-note">
        The {kind === "vae16" ? "16-D" : "2-D"} VAE trains again from its seeded start, in the
        background, on the 8,000 training digits (about 3 s per epoch without a graphics card). A
        larger <i>β</i> weighs the KL term more: a smoother, more crowded code and blurrier digits.
        When it ends, the map and the attack use the new weights
        {retrained ? " (in use now: retrained weights)" : ""}.
      </p>
      <div className="demo-toolbar latent-controls">
        <NumberSelect
          className="field inline"
          label={
            <>
              <i>β</i> (KL weight)
            </>
          }
          value={beta}
          options={BETAS}
          onChange={actions.setBeta}
          disabled={active}
        />
        <NumberSelect
          className="field inline"
          label="Epochs"
          value={epochs}
          options={TRAIN_EPOCHS}
          onChange={actions.setTrainEpochs}
          disabled={active}
        />
        <TrainingButtons
          status={active ? (training?.status === "paused" ? "paused" : "running") : "idle"}
          canReset={active || retrained}
          onTrain={actions.train}
          onPause={actions.pauseTraining}
          onResume={actions.resumeTraining}
          onReset={actions.resetTraining}
        />
      </div>
      {training && (
        <>
          <progress max={training.total} value={training.done} aria-label="training progress">
            {training.done} of {training.total}
          </progress>{" "}
          <span className="hint" aria-live="polite">
            {training.status === "error"
              ? training.message
              : `${training.status}: ${training.done} of ${training.total} minibatches, β = ${training.beta}` +
                (last
                  ? `; test −ELBO after epoch ${last.epoch}: ${last.negElbo.toFixed(1)} nats`
                  : "")}
          </span>
          <LossChart training={training} />
        </>
      )}
    </section>
  );
}
