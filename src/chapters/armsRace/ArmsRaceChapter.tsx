import "./armsRace.css";
import { useRef } from "react";
import { useWhenVisible } from "../../components/useWhenVisible";
import { smoothingStore, wordSwapStore } from "../../store/armsRace";
import { Chapter } from "../Chapter";
import { ArmsRaceIntro, DefenceProse, SmoothingProse } from "./ArmsRaceProse";
import { BreakPanel } from "./BreakPanel";
import { CertifiedCurves } from "./CertifiedCurves";
import { CertifyPanel } from "./CertifyPanel";
import { DefencePanel } from "./DefencePanel";
import { FlipRatePanel } from "./FlipRatePanel";
import { RetrainBasePanel } from "./RetrainBasePanel";
import { SamplesRadius } from "./SamplesRadius";
import { Timeline } from "./Timeline";
import { WordSwapPanel } from "./WordSwapPanel";
import { WordSwapProse } from "./WordSwapProse";

const start = () => smoothingStore.getState().actions.start();
const startWordSwap = () => wordSwapStore.getState().actions.start();

/** Chapter 8: the arms race, a defence broken live, and a certified defence to try to break. */
export function ArmsRaceChapter() {
  const words = useRef<HTMLDivElement>(null);
  useWhenVisible(words, startWordSwap);
  return (
    <Chapter
      id="arms-race"
      sources={[
        "goodfellow",
        "madry",
        "athalye",
        "xu",
        "buckman",
        "shafahi",
        "cohen",
        "salman",
        "ebrahimi",
        "wallace",
        "zou",
        "greshake",
        "blog",
      ]}
      onFirstView={start}
    >
      <div className="chapter-grid">
        <ArmsRaceIntro />
        <section className="demo" aria-label="The arms race, stop by stop">
          <Timeline />
        </section>
      </div>
      <h3 className="chapter-subhead">Obfuscated gradients: a defence that only looks robust</h3>
      <div className="chapter-grid">
        <DefenceProse />
        <DefencePanel />
      </div>
      <h3 className="chapter-subhead">Certified: randomized smoothing</h3>
      <div className="chapter-grid">
        <SmoothingProse />
        <div className="demo-stack">
          <CertifyPanel />
          <RetrainBasePanel />
          <BreakPanel />
          <CertifiedCurves />
          <SamplesRadius />
        </div>
      </div>
      <h3 className="chapter-subhead">Language models: the same trick on words</h3>
      <div className="chapter-grid" ref={words}>
        <WordSwapProse />
        <div className="demo-stack">
          <WordSwapPanel />
          <FlipRatePanel />
        </div>
      </div>
    </Chapter>
  );
}
