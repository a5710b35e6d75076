import "./imagenetTransfer.css";
import { DarknetLoader } from "./DarknetLoader";
import { TransferResults } from "./TransferResults";

/**
 * Chapter 4's ImageNet card: chapter 1's adversarial image, crafted on MobileNet, shown to a
 * second, differently built ImageNet model (Darknet tiny) that the attack never looked at.
 */
export function ImageNetTransferCard() {
  return (
    <section className="inet-card" aria-labelledby="inet-transfer-title">
      <h3 id="inet-transfer-title">ImageNet: does a MobileNet attack fool Darknet?</h3>
      <p>
        The attack in chapter 1 reads the gradients of one network. Here its output is shown to a
        second ImageNet classifier it never saw: <b>Darknet tiny</b>, from the ml5 project, built
        from ordinary 3×3 and 1×1 convolutions with max-pooling instead of MobileNet's depthwise
        separable blocks, and trained separately. If the second network is fooled too, the attack{" "}
        <i>transfers</i>.
      </p>
      <p className="muted">
        This card follows chapter 1: its <a href="#prank">photo, upload, model, attack and ε</a>{" "}
        drive what you see here, live.
      </p>
      <DarknetLoader />
      <TransferResults />
      <p className="inet-small">
        Papernot, McDaniel & Goodfellow (2016) found that adversarial examples often carry over
        between models trained for the same task, even across model families, which is what makes
        black-box attacks possible. Liu et al. (2017) measured it on ImageNet: untargeted examples
        crafted on one large network often fool another, but targeted ones almost never land on the
        chosen class unless they are crafted against an ensemble of models.
      </p>
      <p className="inet-small">
        Expect less here: one photo and two small, very differently built networks, and a budget
        tuned to fool MobileNet, not Darknet. Try raising ε in chapter 1 until Darknet gives in, and
        compare FGSM with PGD: PGD fits its noise more tightly to MobileNet, which does not always
        help it carry over. Every answer and verdict on this card is computed live.
      </p>
    </section>
  );
}
