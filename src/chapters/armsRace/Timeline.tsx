import { labStore } from "../../store";
import { REFS, type RefKey } from "../references";

/** One stop of the arms race: when, what, the paper, and where the page shows it live. */
interface Stop {
  year: number;
  title: string;
  text: string;
  paper: RefKey;
  /** The live demo: an anchor on this page, what the link reads, and settings it applies first. */
  demo: { href: string; label: string; apply?: () => void };
}

const STOPS: readonly Stop[] = [
  {
    year: 2014,
    title: "FGSM",
    text: "One step along the sign of the input gradient is enough to fool a network that is right on almost every clean image: the linearity argument of chapter 2.",
    paper: "goodfellow",
    demo: {
      href: "#prank",
      label: "Chapter 1, one FGSM step",
      apply: () => labStore.getState().actions.tellStory("fgsm"),
    },
  },
  {
    year: 2017,
    title: "PGD",
    text: "Many small signed steps, each pulled back into the ε-box, from a random start: the attack that later defences had to be measured against.",
    paper: "madry",
    demo: {
      href: "#prank",
      label: "Chapter 1, PGD: panda → gibbon",
      apply: () => labStore.getState().actions.tellStory("gibbon"),
    },
  },
  {
    year: 2018,
    title: "Adversarial training with PGD",
    text: "Train on PGD's examples instead of the clean ones. Still the strongest empirical defence, and about as many times dearer as PGD has steps.",
    paper: "madry",
    demo: { href: "#training", label: "Chapter 5's training lab" },
  },
  {
    year: 2018,
    title: "Obfuscated gradients, broken",
    text: "Seven of nine defences at ICLR 2018 mostly hid the gradient from the attacker. With attacks that get a usable gradient back, six fell completely and one in part.",
    paper: "athalye",
    demo: { href: "#masked-defence", label: "A defence that looks robust, broken below" },
  },
  {
    year: 2019,
    title: "Free adversarial training",
    text: "Reuse each backward pass for the weights and the perturbation at once: robustness near PGD training's at the cost of standard training.",
    paper: "shafahi",
    demo: { href: "#free", label: "Chapter 6's cost table" },
  },
  {
    year: 2019,
    title: "Certified defences",
    text: "Instead of resisting the attacks tried so far, prove that no attack within a radius can change the answer. Randomized smoothing does it for any classifier, for small L2 radii.",
    paper: "cohen",
    demo: { href: "#certify", label: "Certify a digit below" },
  },
  {
    year: 2023,
    title: "Language models",
    text: "A suffix of tokens found by the same gradient-guided search makes aligned chatbots follow instructions they refuse; text planted in a web page steers an assistant that reads it.",
    paper: "zou",
    demo: { href: "#word-swap", label: "The same trick on words: flip a text classifier below" },
  },
];

/**
 * The arms race as an ordered list: each stop's paper and the demo on this page that shows it
 * (a link that scrolls there, setting chapter 1's attack first where the stop is an attack).
 */
export function Timeline() {
  return (
    <ol className="timeline" aria-label="timeline">
      {STOPS.map((stop) => (
        <li key={`${stop.year} ${stop.title}`}>
          <span className="timeline-year">{stop.year}</span>
          <div>
            <h4>{stop.title}</h4>
            <p>{stop.text}</p>
            <p className="timeline-links">
              <a href={REFS[stop.paper].url ?? undefined}>The paper</a>
              {" · "}
              <a href={stop.demo.href} onClick={stop.demo.apply}>
                {stop.demo.label}
              </a>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
