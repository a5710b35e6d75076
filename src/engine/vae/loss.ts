import * as tf from "@tensorflow/tfjs-core";
import { PIXELS, type Vae } from "./vae";

/** The two terms of the negative ELBO, each a mean over the batch in nats per digit. */
export type ElboTerms = {
  /** E_q[-log p(x|z)]: Bernoulli cross-entropy summed over the 784 pixels (one sample of z). */
  reconstruction: tf.Scalar;
  /** KL(q(z|x) || N(0, I)), in closed form. */
  kl: tf.Scalar;
};

/**
 * The negative ELBO's terms on images x in [0,1]. z = mu + sigma * e with e ~ N(0, I) (the
 * reparameterisation trick, so gradients flow through mu and sigma); `seed` fixes e.
 */
export function elboTerms(vae: Vae, x: tf.Tensor, seed?: number): ElboTerms {
  return tf.tidy(() => {
    const flat = tf.reshape(x, [-1, PIXELS]);
    const { mu, logVar } = vae.encode(flat);
    const e = tf.randomNormal(mu.shape, 0, 1, "float32", seed);
    const z = tf.add(mu, tf.mul(tf.exp(tf.mul(logVar, 0.5)), e)) as tf.Tensor2D;
    const logits = vae.decode(z);
    // Cross-entropy with logits, stable form: max(l, 0) - l * x + log(1 + exp(-|l|)).
    const bce = tf.add(
      tf.sub(tf.relu(logits), tf.mul(logits, flat)),
      tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
    );
    const kl = tf.mul(
      0.5,
      tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mu)), tf.add(1, logVar)), 1),
    );
    return { reconstruction: tf.mean(tf.sum(bce, 1)) as tf.Scalar, kl: tf.mean(kl) as tf.Scalar };
  });
}

/** reconstruction + beta * KL: the training loss (beta = 1 is the negative ELBO). */
export function betaLoss(terms: ElboTerms, beta: number): tf.Scalar {
  return tf.tidy(() => tf.add(terms.reconstruction, tf.mul(beta, terms.kl)));
}
