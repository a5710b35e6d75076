import { Tex } from "../../components/Tex";

/** The gradient through the rounding q, in two pieces (stacked when narrow). */
const CHAIN_RULE = [
  String.raw`\nabla_x L\big(f(q(x)), y\big)`,
  String.raw`= q'(x)\,\nabla L\big(f(q(x)), y\big) = 0.`,
];
/** The smoothed classifier and its noise. */
const SMOOTHED = [
  String.raw`g(x) = \arg\max_c \; P\big(f(x + \varepsilon) = c\big),`,
  String.raw`\varepsilon \sim \mathcal{N}(0, \sigma^2 I).`,
];

/** The chapter's opening: the essay's claim, and what this chapter makes live. */
export function ArmsRaceIntro() {
  return (
    <div className="prose">
      <p>
        The essay ends on a sober note: the problem is not solved. Every defence proposed so far has
        been answered by a stronger attack, with one exception of a different kind: defences that
        come with a proof. The timeline below follows that story. Each stop links to the paper and
        to the place on this page where you can run it.
      </p>
      <p>
        Three stops get a demo of their own in this chapter. Two use the same handwritten digits as
        chapters 2 to 7: a defence that looks robust until the attack is fixed, and a certified
        defence whose guarantee you can try to break. The last moves the gradient trick from pixels
        to words, on a small text classifier trained in your browser.
      </p>
    </div>
  );
}

/** Why a quantising defence seems to work, and how BPDA undoes it. */
export function DefenceProse() {
  return (
    <div className="prose">
      <p>
        Here is a defence in the spirit of several from 2017: before the classifier sees a digit,
        round every pixel to one of a few grey values. Small perturbations mostly round away, and
        the classifier, chapter 2's CNN unchanged, is as accurate as before on clean digits.
      </p>
      <p>
        Attack it with FGSM or PGD and it seems to hold. It does not resist the attack; it blinds
        it. The rounding function is a staircase, flat between its steps, so its derivative is zero
        almost everywhere and the chain rule multiplies the whole input gradient by zero:
      </p>
      <Tex block>{CHAIN_RULE}</Tex>
      <p>
        With a zero gradient, FGSM's sign is zero and PGD takes no steps. Athalye, Carlini and
        Wagner called this <b>obfuscated gradients</b>, and found it behind most of the defences
        they examined. Their fix for a non-differentiable layer is <b>BPDA</b>, the backward pass
        differentiable approximation: run the real rounding on the way forward, and on the way back
        pretend it was a smooth function close to it, here the identity (
        <Tex>{String.raw`q(x) \approx x`}</Tex>). The gradient is then the classifier's own, taken
        at the rounded digit, and PGD works again at the same ε.
      </p>
      <p>
        The table measures all of it on the test digits you choose. Every attacked digit is rounded
        to 8 bits before it is judged, like every image on this page.
      </p>
    </div>
  );
}

/** Randomized smoothing: the smoothed classifier, CERTIFY, and what the certificate says. */
export function SmoothingProse() {
  return (
    <div className="prose">
      <p>
        A certified defence answers a different question. Not "did the attacks we tried fail?" but
        "can any perturbation of size at most r change the answer?", with a proof. Randomized
        smoothing (Cohen, Rosenfeld and Kolter) gives such a proof for any classifier f, by asking
        it many times about noisy copies of the input and taking the vote:
      </p>
      <Tex block>{SMOOTHED}</Tex>
      <p>
        If the top class wins the vote with probability at least{" "}
        <Tex>{String.raw`p_A > \tfrac12`}</Tex>, then g keeps its answer for every input within L2
        distance
      </p>
      <Tex block>{String.raw`R = \sigma\, \Phi^{-1}(p_A)`}</Tex>
      <p>
        of x, where Φ⁻¹ is the standard normal's inverse CDF. Moving the input by δ only shifts the
        Gaussian cloud of noisy copies, and a shift shorter than R cannot move enough of its mass
        across the decision boundary to lose the vote, however the boundary is shaped.
      </p>
      <p>
        The probability itself cannot be computed, so CERTIFY estimates it: n₀ noisy samples pick
        the top class, n fresh ones count its votes, and a one-sided Clopper-Pearson bound turns the
        count into a lower bound <Tex>{String.raw`\underline{p_A}`}</Tex> that holds with
        probability 1 − α. If that bound is not above ½, the smoothed classifier abstains.
      </p>
      <p>
        The base classifiers here are chapter 2's CNN trained on digits with Gaussian noise of σ =
        0.25 and σ = 0.5 added (a network never shown noise votes badly under it). Each certificate
        below is computed now, in a background worker, from that many samples.
      </p>
      <p>
        What the guarantee is not: it holds for the <i>smoothed</i> classifier g, not for the base
        network f, whose own answer it says nothing about; it is about the L2 norm only; it is
        probabilistic, wrong with probability at most α; and the radii are small. Chapter 1's budget
        of 2/255 on every pixel of a 224×224×3 image has an L2 norm of{" "}
        <Tex>{String.raw`\tfrac{2}{255}\sqrt{150528} \approx 3.0`}</Tex>, far beyond any radius
        certified here, and ε = 0.1 on every pixel of a digit is an L2 norm of 2.8.
      </p>
    </div>
  );
}
