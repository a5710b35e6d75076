import { useCallback, useRef } from "react";
import { AttackControls } from "../../components/controls/AttackControls";
import { EpsilonSlider } from "../../components/controls/EpsilonSlider";
import { ImageInput } from "../../components/controls/ImageInput";
import { ModelPicker } from "../../components/controls/ModelPicker";
import { StoryPicker } from "../../components/controls/StoryPicker";
import { DownloadButtons } from "../../components/DownloadButtons";
import { ImageTriptych } from "../../components/ImageTriptych";
import { ChapterHeader } from "../../components/nav/ChapterHeader";
import { useInView } from "../../components/useInView";
import { selectActions, useLab } from "../../store";
import { Citations } from "../Citations";
import { LazyZoo } from "./LazyZoo";
import "./prank.css";
import { PrankNumbers } from "./PrankNumbers";
import { PrankProse } from "./PrankProse";
import { PredictionPanels } from "./PredictionPanels";
import { SweepPanel } from "./SweepPanel";

/**
 * Chapter 1: a real ImageNet classifier, a photo, and an epsilon slider. It opens on the famous
 * result (the panda turned gibbon); one click tells the plain FGSM story instead.
 */
export function PrankChapter() {
  const ref = useRef<HTMLElement>(null);
  const { setInView } = useLab(selectActions);
  useInView(
    ref,
    useCallback((inView: boolean) => setInView(inView), [setInView]),
  );
  return (
    <article className="chapter prank" id="prank" aria-labelledby="prank-title" ref={ref}>
      <ChapterHeader id="prank" />
      <div className="chapter-grid">
        <div className="prose">
          <PrankProse />
          <PrankNumbers />
        </div>
        <section className="demo" aria-label="Live demo">
          <StoryPicker />
          <ImageTriptych />
          <EpsilonSlider />
          <PredictionPanels />
          <SweepPanel />
          <section className="try-it" aria-labelledby="try-it-title">
            <h3 id="try-it-title">Try it yourself: your photo, your attack, another model</h3>
            <ImageInput />
            <AttackControls />
            <ModelPicker />
            <DownloadButtons />
          </section>
        </section>
      </div>
      <LazyZoo />
      <footer>
        <h3>Sources</h3>
        <Citations
          keys={["goodfellow", "szegedy", "kurakin", "madry", "mobilenet", "mobilenetV2", "blog"]}
        />
      </footer>
    </article>
  );
}
