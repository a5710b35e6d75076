import { AttackControls } from "../../components/controls/AttackControls";
import { EpsilonSlider } from "../../components/controls/EpsilonSlider";
import { ImageInput } from "../../components/controls/ImageInput";
import { ModelPicker } from "../../components/controls/ModelPicker";
import { TargetPicker } from "../../components/controls/TargetPicker";
import { DownloadButtons } from "../../components/DownloadButtons";
import { ImageTriptych } from "../../components/ImageTriptych";
import { ChapterHeader } from "../../components/nav/ChapterHeader";
import { Tex } from "../../components/Tex";
import { Citations } from "../Citations";
import { PrankNumbers } from "./PrankNumbers";
import { PredictionPanels } from "./PredictionPanels";
import { SweepPanel } from "./SweepPanel";

const PGD_STEP = String.raw`x^{(i+1)} = \Pi_{\epsilon}\big(x^{(i)} + \alpha\, \operatorname{sign}(\nabla_x L(x^{(i)}, y))\big)`;

/** Chapter 1: a real ImageNet classifier, a photo, and an epsilon slider. */
export function PrankChapter() {
  return (
    <article className="chapter" id="prank" aria-labelledby="prank-title">
      <ChapterHeader id="prank" />
      <div className="chapter-grid">
        <div className="prose">
          <p>
            A classifier that recognises a giant panda with near certainty can be talked out of it
            by noise too faint for you to see. Drag <i>ε</i>, the largest change any pixel may take,
            and watch the network below change its mind. Every number here is computed now, in your
            browser, by a real ImageNet network.
          </p>
          <p>
            The recipe is Goodfellow et al.'s <b>fast gradient sign method</b>. Ask the network
            which way each pixel would have to move to make its answer <i>y</i> less likely (the
            gradient of the loss with respect to the input), keep only the direction, and move every
            pixel by exactly <i>ε</i> that way:
          </p>
          <Tex
            block
          >{String.raw`x' = \operatorname{clip}_{[0,1]}\!\big(x + \epsilon \cdot \operatorname{sign}(\nabla_x L(x, y))\big)`}</Tex>
          <p>
            The loss <Tex>{"L"}</Tex> is the cross-entropy of the softmax, computed from the logits.
            With a target class <i>t</i> (say, gibbon) the step goes the other way, downhill on the
            loss of the target:{" "}
            <Tex>{String.raw`x' = \operatorname{clip}(x - \epsilon\,\operatorname{sign}(\nabla_x L(x, t)))`}</Tex>
            .
          </p>
          <p>
            One step is crude. <b>PGD</b> (projected gradient descent, Madry et al.; Kurakin et al.
            call the same idea BIM) takes <i>k</i> smaller steps of size <i>α</i> and after each one
            pulls the image back into the allowed box:
          </p>
          <Tex block>{PGD_STEP}</Tex>
          <p>
            where <Tex>{String.raw`\Pi_\epsilon`}</Tex> clips every pixel back into{" "}
            <Tex>{String.raw`[x - \epsilon,\, x + \epsilon] \cap [0, 1]`}</Tex>. It may start from a
            random point inside that box, and it finds stronger adversarial images than a single
            FGSM step at the same <i>ε</i>.
          </p>
          <p>
            Here <i>ε</i> is counted in 8-bit grey levels: at 4/255 no colour channel of any pixel
            moves by more than four steps out of 255. The adversarial image is rounded to 8 bits
            before it is classified, so the picture you see, and the PNG you can download, is
            exactly the one the network judged.
          </p>
          <PrankNumbers />
        </div>
        <section className="demo" aria-label="Live demo">
          <div className="demo-toolbar">
            <ModelPicker />
          </div>
          <ImageInput />
          <ImageTriptych />
          <EpsilonSlider />
          <div className="controls-row">
            <AttackControls />
            <TargetPicker />
          </div>
          <PredictionPanels />
          <SweepPanel />
          <DownloadButtons />
        </section>
      </div>
      <footer>
        <h3>Sources</h3>
        <Citations
          keys={["goodfellow", "szegedy", "kurakin", "madry", "mobilenet", "mobilenetV2", "blog"]}
        />
      </footer>
    </article>
  );
}
