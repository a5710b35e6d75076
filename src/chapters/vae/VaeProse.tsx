import { Tex } from "../../components/Tex";

const ELBO = String.raw`\log p(x) \;\ge\; \mathbb{E}_{q(z\mid x)}\big[\log p(x\mid z)\big] \;-\; \mathrm{KL}\big(q(z\mid x)\,\big\|\,\mathcal{N}(0, I)\big)`;
const KL = String.raw`\mathrm{KL} = \tfrac{1}{2} \sum_{j} \big(\sigma_j^2 + \mu_j^2 - 1 - \log \sigma_j^2\big)`;
const LATENT_ATTACK = String.raw`\min_{\|\eta\|_\infty \le \epsilon,\; x + \eta \in [0,1]^{784}} \big\|\mu(x + \eta) - z_{\text{target}}\big\|_2^2`;
const OUTPUT_ATTACK = String.raw`\min_{\|\eta\|_\infty \le \epsilon,\; x + \eta \in [0,1]^{784}} \big\|d\big(\mu(x + \eta)\big) - d(z_{\text{target}})\big\|_2^2`;

/** Chapter 7's explanation: what a VAE is, why its smooth space helps an attacker, and how the page tests that. */
export function VaeProse() {
  return (
    <div className="prose vae-prose">
      <p>
        A variational autoencoder (VAE), introduced by Kingma and Welling, learns to squeeze a digit
        into a short code and rebuild it. Its encoder reads a 28×28 digit <i>x</i> and returns a
        Gaussian <Tex>{String.raw`q(z\mid x)`}</Tex> with mean <Tex>{String.raw`\mu(x)`}</Tex> and
        variance <Tex>{String.raw`\sigma^2(x)`}</Tex>. Its decoder turns a code <i>z</i> into 784
        ink probabilities, one independent Bernoulli per pixel. Both halves are small: 784 → 128
        ReLU → (<Tex>{String.raw`\mu, \log\sigma^2`}</Tex>), and latent → 128 ReLU → 784 logits. The
        page ships two, trained by its own code from a fixed seed on 8,000 MNIST digits: one with a
        2-D latent space, drawn as it is, and one with 16 dimensions, drawn through the first two
        principal components of the test digits' mean codes (the map states how much variance that
        plane keeps).
      </p>
      <p>Training raises a lower bound on each digit's log-likelihood, the ELBO:</p>
      <Tex block>{ELBO}</Tex>
      <p>
        The first term rewards reconstruction; with Bernoulli pixels it is minus a sum of 784 binary
        cross-entropies. The second pulls every <Tex>{String.raw`q(z\mid x)`}</Tex> towards a
        standard normal, so the codes share one region without big holes. For diagonal Gaussians it
        has a closed form:
      </p>
      <Tex block>{KL}</Tex>
      <p>
        Weighting the KL by <i>β</i> (a β-VAE) sets the balance: larger <i>β</i>, blurrier digits,
        smoother space. To train through the random draw, the VAE samples noise instead of the code,{" "}
        <Tex>{String.raw`z = \mu + \sigma \odot e`}</Tex> with{" "}
        <Tex>{String.raw`e \sim \mathcal{N}(0, I)`}</Tex>; this reparameterisation trick lets
        gradients flow through <i>μ</i> and <i>σ</i> into the encoder.
      </p>
      <p>
        The essay's point is that this designed-in smoothness helps the attacker. A space where
        nearby codes decode to similar digits, and each class has its own region, is a map with
        roads: you know where to drive, and the encoder's gradient says how to push the pixels to
        get there. Tabacof et al. were the first to attack the code itself, measuring how far the
        attacked digit's code distribution is from the target's by KL divergence. The page uses the
        simpler squared distance between codes of Kos et al.'s latent attack, with a perturbation{" "}
        <i>η</i> of at most <i>ε</i> per pixel that brings the encoder's mean close to a target:
      </p>
      <Tex block>{LATENT_ATTACK}</Tex>
      <p>
        The target is a class centroid (the mean code of that class's test digits) or a chosen
        digit's code. Projected gradient descent (PGD) solves it: step every pixel against the sign
        of the gradient, project back into the <i>ε</i>-box and [0, 1], repeat. The result is
        rounded to 8-bit grey levels, so the digit you see is the digit attacked. The output attack,
        after Kos et al.'s other objective, <Tex>{String.raw`L_{\text{VAE}}`}</Tex>, compares
        decoded images instead, with <i>d</i> the decoder's pixel probabilities:
      </p>
      <Tex block>{OUTPUT_ATTACK}</Tex>
      <p>
        Why does so plain a method work? The encoder is a small, fairly smooth network trained to
        give nearby inputs nearby codes, so its input gradient points consistently instead of
        flickering. Built from ReLUs, it is piecewise linear, and over a small ball around <i>x</i>{" "}
        the first-order direction stays a good guide: the linearity argument of{" "}
        <a href="#linearity">chapter 2</a>, where many tiny aligned pixel changes add up.
      </p>
      <p>
        The control is random sign noise of the same size: every pixel moved up or down by <i>ε</i>{" "}
        at random. It spends the whole budget but has no direction, so its effects largely cancel
        and the code barely moves. The page measures both side by side, with chapter 2's CNN reading
        each reconstruction.
      </p>
      <p>
        In fairness, Tabacof et al. found VAEs harder to fool than classifiers: instead of flipping
        one decision, the attack must move a whole distribution of codes and the image rebuilt from
        it. Their setting was not ours: they traded input distortion against latent distance with a
        weight, optimised by L-BFGS, on MNIST and SVHN, rather than holding a fixed L∞ budget; Kos
        et al. attacked VAEs and VAE-GANs on MNIST, SVHN and CelebA. The measured table below sets
        our small models against PGD on chapter 2's CNN at the same <i>ε</i> and the same number of
        steps, and reports whichever way that falls.
      </p>
      <p>
        Things to try: pick a source and a target class, drag <i>ε</i>, and compare the attack's
        path across the map with the noise's. Then switch between the latent and output objectives.
      </p>
    </div>
  );
}
