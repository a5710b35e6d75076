import "./linearity.css";
import { Tex } from "../../components/Tex";
import { linearityStore } from "../../store/digits/linearity";
import { Chapter } from "../Chapter";
import { DigitModelsPanel } from "../digits/DigitModelsPanel";
import { LinearToyPanel } from "./LinearToyPanel";
import { RobustnessPanel } from "./RobustnessPanel";
import { WeightSignsPanel } from "./WeightSignsPanel";

/** The unit's change under eta, and its size (the second piece goes under the first on a phone). */
const UNIT_CHANGE = [
  String.raw`w^\top (x + \eta) - w^\top x = \epsilon \sum_{i=1}^{n} |w_i|`,
  String.raw`\approx\; \epsilon\, m\, n`,
];

const start = () => linearityStore.getState().actions.start();

/** Chapter 2: adversarial examples as a consequence of linear behaviour in many dimensions. */
export function LinearityChapter() {
  return (
    <Chapter id="linearity" sources={["goodfellow", "mnist", "blog"]} onFirstView={start}>
      <div className="chapter-grid">
        <div className="prose">
          <p>
            The first explanations blamed the strangeness of deep networks. Goodfellow, Shlens and
            Szegedy argued the opposite: networks fall for adversarial noise because they behave{" "}
            <b>too linearly</b>, and the inputs are <b>wide</b>.
          </p>
          <p>
            Take one linear unit, <Tex>{String.raw`w^\top x`}</Tex>, and nudge every input by at
            most <Tex>{String.raw`\epsilon`}</Tex> in the direction that hurts most,{" "}
            <Tex>{String.raw`\eta = \epsilon\,\operatorname{sign}(w)`}</Tex>. No single input
            changes by more than <Tex>{String.raw`\epsilon`}</Tex>, but the unit changes by
          </p>
          <Tex block>{UNIT_CHANGE}</Tex>
          <p>
            where <Tex>{"m"}</Tex> is the typical weight size. The change grows with the number of
            inputs <Tex>{"n"}</Tex> while the per-input budget stays fixed: many changes too small
            to see add up to one large change in the output. Slide <Tex>{"n"}</Tex> from one input
            to an ImageNet photo's 150,528.
          </p>
          <LinearToyPanel />
          <p>
            The same holds for a real model. Softmax regression on digits is exactly linear:{" "}
            <Tex>{String.raw`\text{logit}_k = w_k^\top x + b_k`}</Tex>. Its gradient with respect to
            the input is a mix of its weight images, so the FGSM step is, up to the sign, the
            pattern of the weights themselves. Pick a pair of digits and compare.
          </p>
          <p>
            Networks with ReLUs are piecewise linear and were designed to be easy to optimise, which
            means easy to push, too. The chart measures how each of our three models holds up as{" "}
            <Tex>{String.raw`\epsilon`}</Tex> grows, with the paper's MNIST figures beside ours. The
            attacked digits below it stay perfectly readable to you.
          </p>
        </div>
        <section className="demo" aria-label="Linearity demo">
          <DigitModelsPanel />
          <WeightSignsPanel />
          <RobustnessPanel />
        </section>
      </div>
    </Chapter>
  );
}
