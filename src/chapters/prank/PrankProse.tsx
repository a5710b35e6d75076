import { Tex } from "../../components/Tex";

const FGSM = String.raw`x' = \operatorname{clip}_{[0,1]}\!\big(x + \epsilon \cdot \operatorname{sign}(\nabla_x L(x, y))\big)`;
const TARGETED = String.raw`x' = \operatorname{clip}_{[0,1]}\!\big(x - \epsilon \cdot \operatorname{sign}(\nabla_x L(x, t))\big)`;
const PGD_STEP = String.raw`x^{(i+1)} = \Pi_{\epsilon}\big(x^{(i)} - \alpha\, \operatorname{sign}(\nabla_x L(x^{(i)}, t))\big)`;

/** Chapter 1's explanation, in the order the demo shows things: the result first, then how. */
export function PrankProse() {
  return (
    <>
      <p>
        The first picture is a giant panda, and the network beside it, a real ImageNet classifier
        running in your browser, agrees with near certainty. The third picture looks the same to
        you. The network now calls it a <b>gibbon</b>, just as sure of itself. No red, green or blue
        value of any pixel moved by more than two steps out of 255: that bound is <i>ε</i>, and the
        slider sets it. Every number here is computed now, on your machine.
      </p>
      <h3>How: follow the network's own gradient</h3>
      <p>
        Ask the network which way each pixel would have to move to make its answer <i>y</i> less
        likely: that is the gradient of the loss <Tex>{"L"}</Tex> (the cross-entropy of its softmax)
        with respect to the input. Goodfellow et al.'s <b>fast gradient sign method</b> (FGSM) keeps
        only the direction of each entry and moves every pixel by exactly <i>ε</i>:
      </p>
      <Tex block>{FGSM}</Tex>
      <p>
        To reach a chosen class <i>t</i> instead, step the other way, downhill on the loss of the
        target:
      </p>
      <Tex block>{TARGETED}</Tex>
      <p>
        One step is a crude guess. What you saw first is <b>PGD</b> (projected gradient descent,
        Madry et al.; Kurakin et al. call the same idea BIM): ten smaller steps of size{" "}
        <Tex>{String.raw`\alpha = 2.5\,\epsilon / 10`}</Tex> (Madry et al.'s rule for ten steps),
        each followed by pulling the image back into the allowed box:
      </p>
      <Tex block>{PGD_STEP}</Tex>
      <p>
        where <Tex>{String.raw`\Pi_\epsilon`}</Tex> clips every pixel back into{" "}
        <Tex>{String.raw`[x - \epsilon,\, x + \epsilon] \cap [0, 1]`}</Tex>. Aimed at a target, it
        finds its way there at an <i>ε</i> where one FGSM step does not. Press{" "}
        <b>Any wrong answer</b> for the essay's original story: a single, untargeted FGSM step. It
        is weaker, so it needs a larger <i>ε</i> and lands on whatever class is nearest, not
        necessarily a gibbon; the chart under the slider shows where the answer flips.
      </p>
      <p>
        <i>ε</i> is counted in 8-bit grey levels: at 2/255 no colour channel of any pixel moves by
        more than two steps out of 255. The adversarial image is rounded to 8 bits before it is
        classified, so the picture you see, and the PNG you can download, is exactly the one the
        network judged.
      </p>
    </>
  );
}
