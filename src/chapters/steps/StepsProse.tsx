import { Tex } from "../../components/Tex";

const FGSM = String.raw`x' = \operatorname{clip}_{[0,1]}\!\big(x + \epsilon \cdot \operatorname{sign}(\nabla_x L(x, y))\big)`;
const BEST_STEP = String.raw`\max_{\|\eta\|_\infty \le \epsilon} g^{\top}\eta = \epsilon \|g\|_1 \quad\text{at}\quad \eta = \epsilon\,\operatorname{sign}(g)`;

/** Chapter 3's explanation, one paragraph per stage, in the order of the tiles. */
export function StepsProse() {
  return (
    <div className="prose steps-prose">
      <p>
        Chapter 1 ran the fast gradient sign method on a photo network with millions of weights, and
        showed only the result. Here the same one-line recipe runs on handwritten digits, small
        enough that every intermediate array fits on screen: 784 pixels, ten classes, and three
        models to switch between. Pick a test digit or draw your own, then follow it through the
        eight numbered stages. Every picture and number is recomputed in your browser whenever you
        move <i>ε</i>.
      </p>
      <Tex block>{FGSM}</Tex>
      <ol className="stage-prose">
        <li>
          <b>Input.</b> A digit is a 28×28 grid of grey levels scaled to [0, 1]: 0 is the black
          background, 1 the white ink. A drawing is first cropped to its ink, shrunk to fit a 20×20
          box and shifted so its centre of mass sits in the middle, which is how MNIST's digits were
          prepared; the models have never seen anything else.
        </li>
        <li>
          <b>Probabilities and loss.</b> The model turns <i>x</i> into ten scores (logits), and
          softmax turns those into probabilities <i>p</i>. The cross-entropy loss{" "}
          <Tex>{String.raw`L(x, y) = -\log p_y`}</Tex> is near 0 when the model is sure of the label{" "}
          <i>y</i> and grows without limit as <Tex>{"p_y"}</Tex> falls. Training lowered this number
          by changing the weights. The attack freezes the weights and raises it by changing the
          input.
        </li>
        <li>
          <b>Input gradient.</b> Backpropagation normally stops at the weights; here it goes one
          step further, to the pixels. The gradient <Tex>{String.raw`g = \nabla_x L`}</Tex> has one
          entry per pixel: how fast the loss would rise if that pixel alone got brighter. Red pixels
          raise the loss when brightened, blue ones when darkened. For a digit the model is sure of,{" "}
          <i>g</i> is tiny, often below 0.001: the loss is almost flat there.
        </li>
        <li>
          <b>Sign.</b> FGSM throws away the size of each entry and keeps its direction. That is the
          best possible use of the budget: if each pixel may move by at most <i>ε</i>, the step that
          raises the linear approximation of the loss the most gives every pixel its full allowance,
          in the direction of its gradient,
          <Tex block>{BEST_STEP}</Tex>
          and, as a bonus, a tiny gradient still produces a full-size step.
        </li>
        <li>
          <b>Scale.</b> Multiplying by <i>ε</i> gives the perturbation <i>η</i>. At the default{" "}
          <i>ε</i> = 26/255 ≈ 0.1, every pixel moves by exactly 26 of 255 grey levels, up or down.
          Chapter 2 showed why so small a move adds up: a linear score changes by{" "}
          <Tex>{String.raw`\epsilon \|w\|_1`}</Tex>, a sum over all 784 pixels.
        </li>
        <li>
          <b>Add.</b> <Tex>{String.raw`x + \eta`}</Tex> is no longer an image: background pixels the
          gradient wants darker go below 0, and ink it wants brighter goes above 1.
        </li>
        <li>
          <b>Clip.</b> Clipping back to [0, 1] makes it a valid image again, still within <i>ε</i>{" "}
          of <i>x</i> at every pixel. On MNIST this cancels a large part of the attack: the
          background is black, so every pixel there that the gradient wants darker cannot move,
          often more than a third of the picture. What survives mostly lights up the background and
          dims the strokes.
        </li>
        <li>
          <b>New probabilities.</b> One more forward pass classifies <Tex>{"x'"}</Tex>, rounded to
          whole grey levels, so the digit you see is exactly the one that was classified. The attack
          cost one forward and one backward pass; every further <i>ε</i> costs a single forward
          pass, which is why the slider can be live.
        </li>
      </ol>
      <p>
        Things to try: find the smallest <i>ε</i> that changes the answer and ask yourself whether
        the digit looks any different. Compare the models at the same <i>ε</i>. On the softmax
        model, which is linear, the loss never falls, and its gradient is a blend of differences
        between its weight templates, <Tex>{String.raw`g = \sum_{c \ne y} p_c\,(w_c - w_y)`}</Tex>.
        Draw a digit and attack the label you meant.
      </p>
    </div>
  );
}
