import * as tf from "@tensorflow/tfjs-core";

/** The size of one example's change in [0,1] units: values changed, Euclidean and largest. */
export interface PerturbationSize {
  l0: number;
  l2: number;
  linf: number;
}

/** Per example of a batch, the L0 / L2 / L-inf size of adv - x. */
export async function perturbationSizes(x: tf.Tensor, adv: tf.Tensor): Promise<PerturbationSize[]> {
  const [l0, l2, linf] = tf.tidy(() => {
    const d = tf.reshape(tf.sub(adv, x), [x.shape[0], -1]);
    return [
      tf.sum(tf.cast(tf.greater(tf.abs(d), 1e-6), "int32"), 1),
      tf.sqrt(tf.sum(tf.square(d), 1)),
      tf.max(tf.abs(d), 1),
    ];
  });
  const [a, b, c] = await Promise.all([l0.data(), l2.data(), linf.data()]);
  tf.dispose([l0, l2, linf]);
  return Array.from(a, (_, i) => ({ l0: a[i], l2: b[i], linf: c[i] }));
}

/** The median of a list (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
