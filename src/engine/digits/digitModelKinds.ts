// Plain data about the built-in digit models (no tfjs): the page reads it before any model exists.

/** The three built-in digit classifiers, built differently enough for transfer to be interesting. */
export type DigitModelKind = "softmax" | "mlp" | "cnn";

export const DIGIT_MODEL_KINDS: readonly DigitModelKind[] = ["softmax", "mlp", "cnn"];

/** What the page says about each built-in model. */
export const DIGIT_MODEL_INFO: Record<
  DigitModelKind,
  { name: string; shortName: string; layers: string }
> = {
  softmax: { name: "Softmax regression", shortName: "Softmax", layers: "784 → 10, linear" },
  mlp: { name: "Multilayer perceptron", shortName: "MLP", layers: "784 → 128 ReLU → 10" },
  cnn: {
    name: "Convolutional network",
    shortName: "CNN",
    layers: "conv 3×3×8 → pool → conv 3×3×16 → pool → 10",
  },
};
