import type { ReactNode } from "react";
import { Tex } from "../../components/Tex";
import { ZOO, ZOO_IDS, type ZooAttack, type ZooAttackId } from "../../engine/attacks/zoo/registry";
import { figure, printed } from "../publishedFigures";
import { REFS } from "../references";

/** The id of an attack's explanation, for the results table to link to. */
export const zooAnchor = (id: ZooAttackId) => `zoo-${id}`;

const NORM_LABEL: Record<ZooAttack["norm"], string> = { linf: "L∞", l2: "L2", l0: "L0" };

/** One attack's explanation: prose, a display formula (a string or stacking pieces), its cost. */
interface Explainer {
  body: ReactNode;
  tex: string | readonly string[];
  cost: ReactNode;
  paper: ReactNode;
}

const eps = <Tex>{String.raw`\epsilon`}</Tex>;

const EXPLAINERS: Record<ZooAttackId, Explainer> = {
  fgsm: {
    body: (
      <>
        The one-shot classic. Take the gradient of the loss at the clean image, keep only the sign
        of each entry, and move every pixel by exactly {eps} that way, uphill on the loss of the
        true label <i>y</i>. It spends the whole budget on every pixel at once, trusting that the
        loss is close to linear around <i>x</i>; where it is not, one big step can miss.
      </>
    ),
    tex: String.raw`x' = \operatorname{clip}_{[0,1]}\!\big(x + \epsilon\,\operatorname{sign}(\nabla_x L(x, y))\big)`,
    cost: "one gradient, the cheapest attack here.",
    paper: <a href={REFS.goodfellow.url}>Goodfellow et al. 2015</a>,
  },
  fgsmTargeted: {
    body: (
      <>
        The same single step, but aimed. Instead of climbing the loss of the true label, it goes
        downhill on the loss of a chosen target <i>t</i>, so the image heads for that class rather
        than for whichever wrong class happens to be nearest. Hitting one particular class is harder
        than missing the right one, so at the same {eps} it succeeds less often than plain FGSM.
      </>
    ),
    tex: String.raw`x' = \operatorname{clip}_{[0,1]}\!\big(x - \epsilon\,\operatorname{sign}(\nabla_x L(x, t))\big)`,
    cost: "one gradient.",
    paper: <a href={REFS.kurakin.url}>Kurakin et al. 2017</a>,
  },
  pgd: {
    body: (
      <>
        FGSM, repeated with care: <i>k</i> smaller signed steps, each followed by a projection{" "}
        <Tex>{String.raw`\Pi_\epsilon`}</Tex> that clips every pixel back into{" "}
        <Tex>{String.raw`[x - \epsilon, x + \epsilon] \cap [0, 1]`}</Tex>. Ours starts from a random
        point of that box, as Madry et al. do (BIM starts at <i>x</i>), and its step is long enough
        to reach the edge of the box and then slide along it in search of a higher loss.
      </>
    ),
    tex: [
      String.raw`x^{(0)} = \Pi_\epsilon(x + u),\ \ u \sim \mathcal{U}(-\epsilon, \epsilon)`,
      String.raw`x^{(i+1)} = \Pi_\epsilon\big(x^{(i)} + \alpha\,\operatorname{sign}(\nabla_x L(x^{(i)}, y))\big)`,
      String.raw`\alpha = \max(\epsilon / 4,\ 2.5\,\epsilon / k)`,
    ],
    cost: "one gradient per step: 40 on digits, 10 on photos.",
    paper: <a href={REFS.madry.url}>Madry et al. 2018</a>,
  },
  miFgsm: {
    body: (
      <>
        PGD with a memory. Every step's gradient is divided by its average absolute value and added
        to a running direction <i>g</i> whose past is weighted by the momentum <i>μ</i> (1 by
        default); the image then moves by <Tex>{String.raw`\alpha = \epsilon / k`}</Tex> along the
        sign of <i>g</i>, starting from <i>x</i> itself. A steadier direction is less thrown by the
        model's local bumps, and Dong et al. found that its examples fool other models more often.
      </>
    ),
    tex: [
      String.raw`g^{(i+1)} = \mu\, g^{(i)} + \frac{\nabla_x L(x^{(i)}, y)}{\operatorname{mean} \lvert \nabla_x L(x^{(i)}, y) \rvert}`,
      String.raw`x^{(i+1)} = \Pi_\epsilon\big(x^{(i)} + \alpha\,\operatorname{sign}(g^{(i+1)})\big)`,
    ],
    cost: "one gradient per step, 10 by default.",
    paper: <a href={REFS.dong.url}>Dong et al. 2018</a>,
  },
  pgdL2: {
    body: (
      <>
        PGD in a round budget: the change may have Euclidean length at most {eps}, so a few pixels
        can move a lot while the rest barely stir. Each step follows the raw gradient, scaled to a
        length of <Tex>{String.raw`\alpha = 2.5\,\epsilon / k`}</Tex> (no sign this time); if the
        change has grown past {eps} it is shrunk back onto the ball, then the image is clipped to
        [0, 1]. It starts at <i>x</i>, with a radius of 2 on digits and 0.5 on photos.
      </>
    ),
    tex: String.raw`x^{(i+1)} = \Pi_{\lVert x' - x \rVert_2 \le \epsilon}\Big(x^{(i)} + \alpha\,\frac{\nabla_x L(x^{(i)}, y)}{\lVert \nabla_x L(x^{(i)}, y) \rVert_2}\Big)`,
    cost: "one gradient per step: 40 on digits, 10 on photos.",
    paper: <a href={REFS.madry.url}>Madry et al. 2018</a>,
  },
  deepFool: {
    body: (
      <>
        No budget: DeepFool hunts for the nearest boundary. It pretends the network is linear around
        the current image, so the border between <i>y</i> and each candidate class <i>k</i> (the 9
        other digits, or a photo's 4 runners-up) is a flat plane, and it steps to the closest plane,
        repeating until the label flips. The summed steps are stretched by an overshoot <i>η</i> =
        0.02, and since we judge the image in 8 bits, each step also lands 1.5/255 past the plane so
        that rounding cannot pull it back.
      </>
    ),
    tex: [
      String.raw`w_k = \nabla_x (Z_k - Z_y),\quad \hat k = \arg\min_k \frac{\lvert Z_k - Z_y \rvert}{\lVert w_k \rVert_2}`,
      String.raw`r^{(i)} = \frac{\lvert Z_{\hat k} - Z_y \rvert}{\lVert w_{\hat k} \rVert_2^2}\, w_{\hat k}`,
      String.raw`x' = \operatorname{clip}_{[0,1]}\!\Big(x + (1 + \eta) \sum_i r^{(i)}\Big)`,
    ],
    cost: "one gradient per candidate class per step, for at most 50 steps; it stops as soon as the label flips.",
    paper: <a href={REFS.moosavi.url}>Moosavi-Dezfooli et al. 2016</a>,
  },
  cw: {
    body: (
      <>
        An optimiser, not a recipe: make the change small in L2 while driving the true logit below
        the best other one, with a margin <i>κ</i> (0 by default). Writing{" "}
        <Tex>{String.raw`x' = \tfrac{1}{2}(\tanh w + 1)`}</Tex> keeps every pixel inside [0, 1] for
        any <i>w</i>, so Adam can roam freely. A binary search on the weight <i>c</i>, from 1, keeps
        the smallest successful change, and a change counts as a success only once the margin
        reaches <i>κ</i> (the table's logit margin column shows how far it went). The papers run
        thousands of Adam steps at rate 0.01; a browser affords 100 per value of <i>c</i> on digits,
        at 0.1, and 10 on photos, at 0.01.
      </>
    ),
    tex: String.raw`\min_w\ \lVert x' - x \rVert_2^2 + c \cdot \max\!\Big(Z_y(x') - \max_{j \ne y} Z_j(x'),\ -\kappa\Big)`,
    cost: (
      <>
        one gradient per Adam step: 100 steps for each of 5 values of <i>c</i> on digits (500), 10
        for each of 2 on photos (20).
      </>
    ),
    paper: <a href={REFS.carlini.url}>Carlini &amp; Wagner 2017</a>,
  },
  jsma: {
    body: (
      <>
        JSMA changes as few pixels as it can, aiming at a target <i>t</i>. Two gradients, one of the
        target's logit (<i>α</i>) and one of all the other logits together (<i>β</i>), score every
        pair of pixels: the best pair is one that raises <Tex>{"Z_t"}</Tex> and lowers the rest, and
        it is pushed by <i>θ</i> = 1, to white. It repeats until the model says <i>t</i> or <i>γ</i>{" "}
        = {printed("jsma-gamma")} of the pixels have changed (CleverHans's MNIST setting; see{" "}
        <a href={figure("jsma-gamma").source.url}>its JSMA tutorial</a>). A digit has about 300,000
        pairs, a photo about 10
        <sup>10</sup>, so it runs on digits only.
      </>
    ),
    tex: [
      String.raw`\alpha = \nabla_x Z_t,\quad \beta = \sum_{j \ne t} \nabla_x Z_j`,
      String.raw`(p, q) = \arg\max_{\substack{\alpha_p + \alpha_q > 0 \\ \beta_p + \beta_q < 0}} (\alpha_p + \alpha_q)\,\lvert \beta_p + \beta_q \rvert`,
    ],
    cost: "two gradients per pair of pixels: at most 39 pairs (78 pixels) on a digit.",
    paper: <a href={REFS.papernotJsma.url}>Papernot et al. 2016</a>,
  },
  greedyPixels: {
    body: (
      <>
        Our own simple variant, and not the one-pixel attack of <a href={REFS.su.url}>Su et al.</a>,
        which searches without gradients by differential evolution. Think of a greedy JSMA: one
        gradient of the loss ranks every untouched pixel by how much the loss would gain, to first
        order, if each of its channels were pushed to 0 or 1 (whichever way the gradient points).
        The best <code>perStep</code> pixels are set (1 per gradient on digits, 16 on photos), until
        the label changes or <code>maxPixels</code> are spent (78 on digits, 1,000 on photos).
      </>
    ),
    tex: [
      String.raw`g = \nabla_x L(x', y)`,
      String.raw`\operatorname{gain}(p) = \sum_c g_{p,c}\,\big(\mathbb{1}[g_{p,c} > 0] - x'_{p,c}\big)`,
    ],
    cost: (
      <>
        one gradient per <code>perStep</code> pixels: at most 78 on a digit, 63 on a photo.
      </>
    ),
    paper: (
      <>
        none, it is ours; its closest relative is JSMA (
        <a href={REFS.papernotJsma.url}>Papernot et al. 2016</a>)
      </>
    ),
  },
};

/** One short explanation per attack: what it optimises, its formula, its paper, and what it costs. */
export function ZooExplainers() {
  return (
    <div className="zoo-explainers">
      {ZOO_IDS.map((id) => {
        const e = EXPLAINERS[id];
        const titleId = `${zooAnchor(id)}-title`;
        return (
          <article key={id} id={zooAnchor(id)} className="zoo-explainer" aria-labelledby={titleId}>
            <h4 id={titleId}>
              {ZOO[id].name} <span className="zoo-explainer-norm">{NORM_LABEL[ZOO[id].norm]}</span>
            </h4>
            <p>{e.body}</p>
            <Tex block>{e.tex}</Tex>
            <p className="zoo-explainer-meta">
              Cost: {e.cost} Paper: {e.paper}.
            </p>
          </article>
        );
      })}
    </div>
  );
}
