import "./training.css";
import { Tex } from "../../components/Tex";
import { useStoreWhileVisible, VisibleSection } from "../../components/VisibleSection";
import { selectTrainingRuns, trainingStore } from "../../store/training";
import { Chapter } from "../Chapter";
import { CostTable } from "./CostTable";
import { FreeDeltaView } from "./FreeDeltaView";
import { OverfittingWatch } from "./OverfittingWatch";
import { PublishedFigures } from "./PublishedFigures";

/** One replay's two updates from one backward pass (two pieces: stacked when narrow). */
const FREE_UPDATE = [
  String.raw`\theta \leftarrow \theta - \eta\,\nabla_\theta L(\theta, x+\delta, y),`,
  String.raw`\delta \leftarrow \operatorname{clip}_{[-\epsilon,\epsilon]}\big(\delta + \epsilon\,\operatorname{sign}(\nabla_x L(\theta, x+\delta, y))\big).`,
];

/** The cost table of the runs on screen (its own component: only it redraws as they train). */
function LiveCostTable() {
  return <CostTable runs={useStoreWhileVisible(trainingStore, selectTrainingRuns)} />;
}

/** Chapter 6: free (and fast) adversarial training, and what each method really costs. */
export function FreeTrainingChapter() {
  return (
    <Chapter id="free" sources={["shafahi", "wong", "madry", "goodfellow", "blog"]}>
      <div className="chapter-grid">
        <div className="prose">
          <p>
            Shafahi et al. noticed that the backward pass which gives the weight gradient{" "}
            <Tex>{String.raw`\nabla_\theta L`}</Tex> also gives the input gradient{" "}
            <Tex>{String.raw`\nabla_x L`}</Tex> almost for nothing, and standard training throws it
            away. Free training keeps it: each minibatch is replayed m times, and every replay makes
            one backward pass that updates both the weights and a perturbation δ,
          </p>
          <Tex block>{FREE_UPDATE}</Tex>
          <p>
            δ is never reset: it carries over to the next minibatch, so the attack keeps building up
            across replays. Running 1/m as many epochs keeps the number of backward passes, and so
            the cost, equal to standard training's.
          </p>
          <p>
            "Almost for nothing" is worth checking, and this chapter's cost table lets you. The
            input gradient costs one more product back through the first layer, which standard
            training skips. In a deep convolutional network that is a sliver of the work; in the
            MLP, whose first layer holds almost all of its weights, it is about half as much again.
            The table counts passes, which are equal, and times them, which shows the difference.
          </p>
          <p>
            Wong et al. then showed that plain FGSM training works as well, if it starts from a
            random point of the ε-box and takes a step of about 1.25ε. Without the random start, or
            with too large a step, it can fall into <b>catastrophic overfitting</b>: the model
            learns to beat the single FGSM step while PGD accuracy collapses to near zero. A small
            PGD check during training catches the collapse and rolls back to the best weights.
          </p>
          <p>
            The training lab of chapter 5 has two ready-made comparisons for this chapter, at the
            top of its controls. The first trains standard, PGD and free training on the same budget
            of backward passes. The second, “Provoke catastrophic overfitting”, trains the CNN at ε
            = 77/255 (Madry et al.'s 0.3 for MNIST) with FGSM from a zero start and a step of ε,
            twice from the same start: with early stopping off and on. Expect FGSM accuracy to climb
            far above PGD accuracy, which stays near zero or falls back to it: on a network this
            small, robustness hardly gets off the ground at that ε before the one-step attack is
            beaten. The twin with early stopping stops once its check loses half its best (or 20
            points) and keeps the best weights it saw. It trains five epochs of a convolutional
            network: quick with a graphics card; without one, expect tens of minutes.
          </p>
          <p>
            <a className="button secondary lab-link" href="#lab-presets">
              ↑ To the lab and its ready-made comparisons
            </a>{" "}
            Their runs fill in this chapter's table and charts as they train.
          </p>
        </div>
        <VisibleSection className="demo" aria-label="Free training and the cost of each method">
          <h3>What each method cost here</h3>
          <LiveCostTable />
          <h3>Free training's δ, replay by replay</h3>
          <FreeDeltaView />
          <h3>Fast training: FGSM accuracy against PGD accuracy</h3>
          <OverfittingWatch />
          <PublishedFigures />
        </VisibleSection>
      </div>
    </Chapter>
  );
}
