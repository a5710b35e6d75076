import { mkdirSync, writeFileSync } from "node:fs";
import { expect, expectTop1, test, waitForIdle } from "../e2e/fixtures";
import { median, table } from "./stats";

const RUNS = 15;

/**
 * Chapter 1 timings in headless Chromium on the MobileNet v1 0.25 fixture:
 * (a) a bare forward pass, (b) one slider update from value change to new
 * top-5 rendered, (c) a fresh FGSM (new gradient and its sign read back, 8-bit
 * adversarial image built), (d) a bare tf.grad of the loss on the input. Reported, not asserted.
 */
test("chapter 1: slider and FGSM cost", async ({ page }) => {
  await page.goto("/");
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);

  const timings = await page.evaluate(async (runs) => {
    type T = import("@tensorflow/tfjs").Tensor;
    type Debug = {
      tf: typeof import("@tensorflow/tfjs");
      classifier(): import("../src/engine/models/classifier").ImageNetClassifier;
      lab(): import("../src/engine/attackLab").AttackLab;
      store: { getState(): { original: { top1: number } } };
    };
    const g = (window as unknown as { __gibbon: Debug }).__gibbon;
    const tf = g.tf;
    const classifier = g.classifier();
    const lab = g.lab();
    const size = classifier.inputSize;
    const x = tf.randomUniform([1, size, size, 3]) as T;
    const label = g.store.getState().original.top1;
    const time = async (fn: () => Promise<unknown>) => {
      const out: number[] = [];
      await fn(); // warm-up: shader compilation
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await fn();
        out.push(performance.now() - t0);
      }
      return out;
    };
    const forward = await time(async () => {
      const y = tf.tidy(() => classifier.logits(x));
      await y.data();
      y.dispose();
    });
    const slider = document.querySelector<HTMLInputElement>('input[type="range"]');
    if (!slider) throw new Error("no slider");
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    let level = 4;
    const list = document.querySelector('ol[aria-label="adversarial prediction"]');
    if (!list) throw new Error("no adversarial prediction list");
    /** Resolves when the list shows the prediction for `want`, then after the next frame is drawn. */
    const rendered = (want: string) =>
      new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (list.getAttribute("data-input") !== want) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve());
        });
        observer.observe(list, { attributes: true, childList: true, subtree: true });
      });
    const sliderUpdate = await time(async () => {
      level = level === 4 ? 5 : 4;
      const done = rendered(`eps${level}`);
      setValue?.call(slider, String(level));
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await done;
    });
    const plan = { kind: "fgsm" as const, label, targeted: false, steps: 1, randomStart: false };
    const freshFgsm = await time(async () => {
      await lab.setPlan(plan);
      await lab.adversarialBytes(4);
    });
    const bareGrad = await time(async () => {
      const grad = tf.tidy(() =>
        tf.grad((input: T) =>
          tf.neg(tf.logSoftmax(classifier.logits(input)).gather([label], 1).sum()),
        )(x),
      );
      await grad.data();
      grad.dispose();
    });
    x.dispose();
    return { forward, sliderUpdate, freshFgsm, bareGrad };
  }, RUNS);

  const a = median(timings.forward);
  const b = median(timings.sliderUpdate);
  const c = median(timings.freshFgsm);
  const d = median(timings.bareGrad);
  const backend = await page.evaluate(() =>
    (window as unknown as { __gibbon: { tf: { getBackend(): string } } }).__gibbon.tf.getBackend(),
  );
  const report = table([
    ["measure", "median ms", `runs (${backend}, MobileNet v1 0.25)`],
    ["(a) bare forward pass", a.toFixed(1), RUNS],
    ["(b) slider update -> top-5 rendered", b.toFixed(1), RUNS],
    ["(c) fresh FGSM (new gradient -> 8-bit image)", c.toFixed(1), RUNS],
    ["(d) bare tf.grad of loss on input", d.toFixed(1), RUNS],
    ["b/a (target <= 1.5)", (b / a).toFixed(2), ""],
    ["c/d (target <= 1.2)", (c / d).toFixed(2), ""],
  ]);
  console.log(`\n${report}\n`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    "bench-results/prank.json",
    JSON.stringify({ backend, medians: { a, b, c, d }, timings }, null, 2),
  );
  expect(timings.forward).toHaveLength(RUNS);
});
