import { Tex } from "../../components/Tex";
import { transferStore } from "../../store/digits/transfer";
import { Chapter } from "../Chapter";
import { ImageNetTransferCard } from "./ImageNetTransferCard";
import { TransferMatrixPanel } from "./TransferMatrixPanel";

/** The error of s's examples on t, and the examples: side by side, or stacked on a phone. */
const TRANSFER_ERROR = [
  String.raw`\text{error}(s \to t) = \Pr_{(x,y)}\big[\, f_t(x + \eta_s(x)) \neq y \,\big],`,
  String.raw`\eta_s = \epsilon\,\operatorname{sign}(\nabla_x L_s(x,y))`,
];

const start = () => transferStore.getState().actions.start();

/** Chapter 4: adversarial examples made for one model fool others. */
export function TransferChapter() {
  return (
    <Chapter
      id="transfer"
      sources={["szegedy", "papernot", "liu", "goodfellow", "darknet", "blog"]}
      onFirstView={start}
    >
      <div className="chapter-grid">
        <div className="prose">
          <p>
            So far the attacker could read the model's gradients. Real attackers usually cannot. Yet
            Szegedy et al. noticed, and Papernot et al. and Liu et al. measured, that an adversarial
            example made for one network often fools another one, trained separately, even with a
            different architecture. That makes <b>black-box</b> attacks possible: train your own
            substitute model, attack it, and send the result to the real one.
          </p>
          <p>
            The linearity story explains part of it. Models trained on the same task learn similar
            weight patterns, so the direction{" "}
            <Tex>{String.raw`\operatorname{sign}(\nabla_x L)`}</Tex> computed on one model is also a
            bad direction for the other. The matrix measures it: each row crafts untargeted
            adversarial digits on one model (white-box), each column asks another model to classify
            them. The diagonal is the white-box error; everything off it is transfer.
          </p>
          <Tex block>{TRANSFER_ERROR}</Tex>
          <p>
            Try a larger <Tex>{String.raw`\epsilon`}</Tex>, and PGD instead of FGSM: the iterative
            attack fits its source model more tightly, so it raises the diagonal much more than it
            raises the transfer. On ImageNet, below, the photo from chapter 1 is attacked on
            MobileNet and shown to Darknet tiny, a network with a different design that never took
            part.
          </p>
        </div>
        <section className="demo" aria-label="Transferability demo">
          <TransferMatrixPanel />
          <ImageNetTransferCard />
        </section>
      </div>
    </Chapter>
  );
}
