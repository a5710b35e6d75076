import * as tf from "@tensorflow/tfjs-core";

/**
 * A variational autoencoder for 28x28 digits (Kingma & Welling 2014), in plain tfjs-core so that
 * attacks can differentiate through it like any function. Encoder: 784 -> hidden ReLU -> (mu,
 * log sigma^2) of `latent` values. Decoder: latent -> hidden ReLU -> 784 Bernoulli logits.
 */
export interface VaeConfig {
  latent: number;
  hidden: number;
}

export interface Vae {
  readonly config: VaeConfig;
  /** Every weight, in a fixed order (the shipped file's order). */
  readonly weights: tf.Variable[];
  /** q(z|x): images [N, 28, 28, 1] or [N, 784] in [0,1] -> mean and log-variance [N, latent]. */
  encode(x: tf.Tensor): { mu: tf.Tensor2D; logVar: tf.Tensor2D };
  /** p(x|z): codes [N, latent] -> pixel logits [N, 784] (sigmoid gives the mean image). */
  decode(z: tf.Tensor2D): tf.Tensor2D;
}

export const PIXELS = 784;

/** [rows, cols] of each weight, in order: encoder, mean and log-variance heads, decoder. */
function layerShapes({ latent, hidden }: VaeConfig): [number, number][] {
  return [
    [PIXELS, hidden],
    [hidden, latent],
    [hidden, latent],
    [latent, hidden],
    [hidden, PIXELS],
  ];
}

/** The shapes of `weights` for `config` (kernel then bias, layer by layer). */
export function weightShapes(config: VaeConfig): number[][] {
  return layerShapes(config).flatMap(([rows, cols]) => [[rows, cols], [cols]]);
}

/** A VAE with seeded Glorot-uniform kernels and zero biases: same seed, same start. */
export function createVae(config: VaeConfig, seed: number): Vae {
  if (!Number.isInteger(config.latent) || config.latent < 1)
    throw new RangeError(`latent must be a positive integer, got ${config.latent}.`);
  if (!Number.isInteger(config.hidden) || config.hidden < 1)
    throw new RangeError(`hidden must be a positive integer, got ${config.hidden}.`);
  const weights = layerShapes(config).flatMap(([rows, cols], i) => {
    const limit = Math.sqrt(6 / (rows + cols));
    return [
      tf.randomUniform([rows, cols], -limit, limit, "float32", seed * 100 + i),
      tf.zeros([cols]),
    ].map((init) => {
      const v = tf.variable(init); // shares init's data; init itself must go
      init.dispose();
      return v;
    });
  });
  return vaeFromWeights(config, weights);
}

/** A VAE over existing variables (ordered as `weightShapes`). */
export function vaeFromWeights(config: VaeConfig, weights: tf.Variable[]): Vae {
  const [w1, b1, wMu, bMu, wLv, bLv, w2, b2, w3, b3] = weights;
  const dense = (x: tf.Tensor2D, w: tf.Variable, b: tf.Variable) =>
    tf.add(tf.matMul(x, w as tf.Tensor2D), b) as tf.Tensor2D;
  return {
    config,
    weights,
    encode(x) {
      return tf.tidy(() => {
        const h = tf.relu(dense(tf.reshape(x, [-1, PIXELS]) as tf.Tensor2D, w1, b1)) as tf.Tensor2D;
        return { mu: dense(h, wMu, bMu), logVar: dense(h, wLv, bLv) };
      });
    },
    decode(z) {
      return tf.tidy(() => dense(tf.relu(dense(z, w2, b2)) as tf.Tensor2D, w3, b3));
    },
  };
}

export function disposeVae(vae: Vae): void {
  tf.dispose(vae.weights);
}

/** The decoder's mean image sigmoid(decode(z)) as [N, 28, 28, 1]. */
export function decodeImages(vae: Vae, z: tf.Tensor2D): tf.Tensor4D {
  return tf.tidy(() => tf.reshape(tf.sigmoid(vae.decode(z)), [-1, 28, 28, 1]) as tf.Tensor4D);
}

/** Reconstruction through the encoder's mean (no sampling): what the page shows. */
export function reconstruct(vae: Vae, x: tf.Tensor): tf.Tensor4D {
  return tf.tidy(() => decodeImages(vae, vae.encode(x).mu));
}
