import { ChapterHeader } from "../../components/nav/ChapterHeader";
import "./steps.css";
import { useRef } from "react";
import { useWhenVisible } from "../../components/useWhenVisible";
import { stepsStore } from "../../store/digits/steps";
import { Citations } from "../Citations";
import { StepsDemo } from "./StepsDemo";
import { StepsProse } from "./StepsProse";

const start = () => stepsStore.getState().actions.start();

/** Chapter 3: FGSM taken apart stage by stage, on real MNIST digits or the reader's own. */
export function FgsmStepsChapter() {
  const ref = useRef<HTMLElement>(null);
  useWhenVisible(ref, start);
  return (
    <article className="chapter" id="fgsm-steps" aria-labelledby="fgsm-steps-title" ref={ref}>
      <ChapterHeader id="fgsm-steps" />
      <div className="chapter-grid">
        <StepsProse />
        <StepsDemo />
      </div>
      <footer>
        <h3>Sources</h3>
        <Citations keys={["goodfellow", "blog"]} />
      </footer>
    </article>
  );
}
