import type { RefKey } from "./references";

/**
 * Where a quoted figure can be found. `where` names the place that was read: a repository file
 * (and its table) when the paper itself could not be checked, a table or figure of the paper
 * when it could. Never a table number that was not checked.
 */
export interface FigureSource {
  /** The paper the figure belongs to (a key of REFS). */
  paper: RefKey;
  where: string;
  url: string;
}

/** One number the page quotes from a paper, with the setting it was measured in. */
export interface PublishedFigure {
  id: string;
  value: number;
  /** "fraction" prints as a percentage with `decimals` places; "minutes" as whole minutes. */
  unit: "fraction" | "minutes";
  decimals: number;
  /** What the number measures ("certified accuracy at r = 1.0"). */
  quantity: string;
  /** Their setting: data, model, budget. */
  setting: string;
  source: FigureSource;
}

/** The figure as the page prints it: "38%", "87.30%", "4,966 min". */
export function printFigure(f: PublishedFigure): string {
  if (f.unit === "minutes") return `${f.value.toLocaleString("en-US")} min`;
  return `${(f.value * 100).toFixed(f.decimals)}%`;
}

const SMOOTHING_README: FigureSource = {
  paper: "cohen",
  where:
    "the authors' repository, locuslab/smoothing, README.md (ImageNet certified accuracy table)",
  url: "https://github.com/locuslab/smoothing#readme",
};

const COHEN_SETTING =
  "ImageNet, ResNet-50 base classifiers, 500 test images, n0 = 100, n = 100,000, alpha = 0.001";

/** The radii of Cohen et al.'s ImageNet table (L2, pixels in [0,1] over 224x224x3). */
export const COHEN_RADII = [0, 0.5, 1, 1.5, 2, 2.5, 3] as const;

/** Their certified accuracy per noise level, as the README prints it (two decimals). */
const COHEN_ROWS = {
  "0.25": [0.67, 0.49, 0, 0, 0, 0, 0],
  "0.50": [0.57, 0.46, 0.38, 0.28, 0, 0, 0],
  "1.00": [0.44, 0.38, 0.33, 0.26, 0.19, 0.15, 0.12],
} as const;

export const COHEN_SIGMAS = Object.keys(COHEN_ROWS) as (keyof typeof COHEN_ROWS)[];

/** The id of Cohen et al.'s certified accuracy at noise `sigma` and radius `r`. */
export const cohenId = (sigma: string, r: number) => `cohen-imagenet-s${sigma}-r${r.toFixed(1)}`;

const cohenFigures: PublishedFigure[] = COHEN_SIGMAS.flatMap((sigma) =>
  COHEN_ROWS[sigma].map((value, i) => ({
    id: cohenId(sigma, COHEN_RADII[i]),
    value,
    unit: "fraction" as const,
    decimals: 0,
    quantity: `certified accuracy at sigma = ${sigma}, r = ${COHEN_RADII[i]}`,
    setting: COHEN_SETTING,
    source: SMOOTHING_README,
  })),
);

const FAST_README: FigureSource = {
  paper: "wong",
  where:
    "Wong et al.'s repository, locuslab/fast_adversarial, README.md (CIFAR10 table, which it says highlights the paper's results)",
  url: "https://github.com/locuslab/fast_adversarial#readme",
};

const FREE_README: FigureSource = {
  paper: "shafahi",
  where:
    "Shafahi et al.'s repository, ashafahi/free_adv_train, README.md (CIFAR-10 WRN 32-10 table, row Free-8)",
  url: "https://github.com/ashafahi/free_adv_train#readme",
};

/** The training methods of chapter 6's comparison, as their sources tabulate them. */
export type TrainingFigureMethod = "pgd" | "free" | "fast";

const TRAINING: Record<
  TrainingFigureMethod,
  { setting: string; clean: number; robust: number; minutes: number; source: FigureSource }
> = {
  pgd: {
    setting:
      "CIFAR-10, PGD-7 adversarial training, eps = 8/255 (the README names neither the network nor the attack)",
    clean: 0.873,
    robust: 0.458,
    minutes: 4966,
    source: FAST_README,
  },
  free: {
    setting:
      "CIFAR-10, Wide ResNet 32-10, free training m = 8, eps = 8/255; robust: 10-restart PGD-20",
    clean: 0.8596,
    robust: 0.4633,
    minutes: 785,
    source: FREE_README,
  },
  fast: {
    setting:
      "CIFAR-10, FGSM training with random start, eps = 8/255 (the repository's train_fgsm.py: PreAct ResNet-18, cyclic learning rate, mixed precision, tested by PGD-50 with 10 restarts)",
    clean: 0.8606,
    robust: 0.4606,
    minutes: 12,
    source: FAST_README,
  },
};

/** The id of a training method's clean accuracy, robust accuracy or training time. */
export const trainingId = (method: TrainingFigureMethod, what: "clean" | "robust" | "minutes") =>
  `training-${method}-${what}`;

const trainingFigures: PublishedFigure[] = (
  Object.keys(TRAINING) as TrainingFigureMethod[]
).flatMap((method) => {
  const t = TRAINING[method];
  return (["clean", "robust", "minutes"] as const).map((what) => ({
    id: trainingId(method, what),
    value: t[what],
    unit: what === "minutes" ? ("minutes" as const) : ("fraction" as const),
    decimals: 2,
    quantity: what === "minutes" ? "training time" : `${what} accuracy`,
    setting: t.setting,
    source: t.source,
  }));
});

/** JSMA's default share of pixels: a library's MNIST setting, not a figure of the paper. */
const jsmaGamma: PublishedFigure = {
  id: "jsma-gamma",
  value: 0.1,
  unit: "fraction",
  decimals: 0,
  quantity: "gamma, the largest share of pixels the attack may change",
  setting: "MNIST, JSMA with theta = 1",
  source: {
    paper: "papernotJsma",
    where:
      "CleverHans v3.1.0's MNIST JSMA tutorial, cleverhans-lab/cleverhans, cleverhans_v3.1.0/cleverhans_tutorials/mnist_tutorial_jsma.py",
    url: "https://github.com/cleverhans-lab/cleverhans/blob/master/cleverhans_v3.1.0/cleverhans_tutorials/mnist_tutorial_jsma.py",
  },
};

/** Every figure the page quotes from a paper or its code, one entry each. */
export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  ...cohenFigures,
  ...trainingFigures,
  jsmaGamma,
];

/** The figure with this id; throws for an unknown id, so a view cannot quote a missing one. */
export function figure(id: string): PublishedFigure {
  const f = PUBLISHED_FIGURES.find((p) => p.id === id);
  if (!f) throw new RangeError(`No published figure "${id}".`);
  return f;
}

/** The figure with this id as the page prints it. */
export const printed = (id: string) => printFigure(figure(id));
