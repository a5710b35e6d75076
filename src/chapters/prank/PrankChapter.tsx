import { AttackControls } from "../../components/controls/AttackControls";
import { EpsilonSlider } from "../../components/controls/EpsilonSlider";
import { ImageInput } from "../../components/controls/ImageInput";
import { ModelPicker } from "../../components/controls/ModelPicker";
import { StoryPicker } from "../../components/controls/StoryPicker";
import { DownloadButtons } from "../../components/DownloadButtons";
import { ImageTriptych } from "../../components/ImageTriptych";
import { selectActions, useLab } from "../../store";
import { Chapter } from "../Chapter";
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
  const { setInView } = useLab(selectActions);
  return (
    <Chapter
      id="prank"
      sources={["goodfellow", "szegedy", "kurakin", "madry", "mobilenet", "mobilenetV2", "blog"]}
      onView={setInView}
      className="prank"
    >
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
    </Chapter>
  );
}
