import "./steps.css";
import { stepsStore } from "../../store/digits/steps";
import { Chapter } from "../Chapter";
import { StepsDemo } from "./StepsDemo";
import { StepsProse } from "./StepsProse";

const start = () => stepsStore.getState().actions.start();

/** Chapter 3: FGSM taken apart stage by stage, on real MNIST digits or the reader's own. */
export function FgsmStepsChapter() {
  return (
    <Chapter id="fgsm-steps" sources={["goodfellow", "blog"]} onFirstView={start}>
      <div className="chapter-grid">
        <StepsProse />
        <StepsDemo />
      </div>
    </Chapter>
  );
}
