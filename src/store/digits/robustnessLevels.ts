/**
 * The eps grid of chapter 2's error-vs-eps chart, in grey levels, from 0 to 77/255 ≈ 0.3. It
 * includes 26 and 64 (≈ 0.1 and 0.25, the paper's settings). Ten levels keep the measurement at
 * about a minute on a software-rendered GPU; a real GPU takes seconds.
 */
export const CURVE_LEVELS = [0, 4, 8, 13, 18, 26, 38, 51, 64, 77];

/** Largest eps the digit chapters offer: 77/255 ≈ 0.302. */
export const DIGIT_MAX_EPS_LEVEL = 77;

/** Digit classes 0-9: the engine's DIGIT_CLASSES, whose module would load tfjs on the page. */
export const DIGIT_CLASS_COUNT = 10;
