import "./training.css";
import { Tex } from "../../components/Tex";
import { Chapter } from "../Chapter";
import { TrainingLab } from "./TrainingLab";

/** Goodfellow et al.'s mixed loss and its FGSM example (two pieces: stacked on a phone). */
const MIXED_LOSS = [
  String.raw`\tilde L(\theta, x, y) = \alpha\, L(\theta, x, y) + (1-\alpha)\, L(\theta, \tilde x, y),`,
  String.raw`\tilde x = x + \epsilon\,\operatorname{sign}\big(\nabla_x L(\theta, x, y)\big).`,
];
const SADDLE_POINT = String.raw`\min_\theta\ \mathbb{E}_{(x,y)}\Big[\max_{\|\delta\|_\infty \le \epsilon} L(\theta, x+\delta, y)\Big].`;

/** Chapter 5: adversarial training, live: standard vs FGSM vs PGD training. */
export function AdversarialTrainingChapter() {
  return (
    <Chapter id="training" sources={["goodfellow", "madry", "shafahi", "wong", "mnist", "blog"]}>
      <div className="chapter-grid">
        <div className="prose">
          <p>
            If a model fails on adversarial examples, show it adversarial examples while it learns.
            Goodfellow et al. proposed exactly that: at every step, attack the current minibatch
            with FGSM and train on a mix of the clean and the attacked digits,
          </p>
          <Tex block>{MIXED_LOSS}</Tex>
          <p>
            Madry et al. turned this into a saddle-point problem: the weights should minimise the
            loss that the <em>worst</em> perturbation in the ε-box can reach, and that inner maximum
            is approximated with k steps of PGD from a random start:
          </p>
          <Tex block>{SADDLE_POINT}</Tex>
          <p>
            The price is the attack. Each FGSM example costs one extra forward and backward pass, so
            FGSM training costs about twice standard training; PGD-k costs k + 1 times as much. In
            the lab every method starts from the same seeded weights and sees the minibatches in the
            same order, so the curves differ only by the method. Robust accuracy is measured with a
            fresh PGD attack at your ε on a fixed set of test digits the training never sees.
          </p>
          <p>
            Things to try: with the x axis on <em>backward passes</em> (equal compute), compare
            standard, PGD and free training; switch to <em>epochs</em> to see how much more data
            each backward pass of PGD training costs. Raise ε toward 0.3 (Madry et al.'s MNIST
            budget) and watch clean accuracy pay for robustness: the small MLP barely learns at all
            there.
          </p>
        </div>
        <section className="demo" aria-label="Adversarial training lab">
          <TrainingLab />
        </section>
      </div>
    </Chapter>
  );
}
