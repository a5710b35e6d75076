import { fixturePath } from "../fixtures";
import { devPort } from "../ports";
import {
  choose,
  expect,
  pageAlerts,
  scrollToChapter,
  test,
  textOf,
  waitForText,
  waitUntil,
} from "./fixtures";
import type { RemotePage } from "./remote";

/**
 * A class's path through Gibbon in WebKit (Safari's engine) and Firefox: one browser, one page
 * for the whole file (a page load of chapter 1 costs seconds of software rendering), steps in
 * the order a reader takes them. The Chromium suite checks each feature in depth; this checks
 * that each one works at all in the other engines.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });

const ORIGINAL = '#prank ol[aria-label="original prediction"] > li:first-child';
const ADVERSARIAL = '#prank ol[aria-label="adversarial prediction"]';
const SLIDER = { css: '#prank input[type="range"]', name: /^epsilon/ };
/** Chapter 2's first result: the softmax model's measured accuracy. */
const DIGIT_MODELS = '#linearity table[aria-label="digit models"] tbody tr';
const MEASURED = /Softmax.*\d+\.\d%/;

/** Scrolls to chapter 2 and waits for its digit models' measured accuracy. */
async function chapter2Measured(remote: RemotePage): Promise<void> {
  await scrollToChapter(remote, "linearity");
  await waitForText(remote, DIGIT_MODELS, MEASURED, 240_000);
}

test.afterEach(async ({ remote }) => {
  expect(await remote.run(pageAlerts, null), "alerts on the page").toEqual([]);
  if ("errors" in remote) expect(remote.errors, "page errors").toEqual([]);
});

test("the first view turns the panda into a gibbon with no interaction", async ({
  remote,
  network,
}) => {
  await remote.goto(network.url);
  await waitForText(remote, ORIGINAL, /^giant panda /);
  await waitForText(remote, `${ADVERSARIAL} > li:first-child`, /^gibbon /, 180_000);
  const backend = await remote.run(
    () => document.querySelector(".badge[data-backend]")?.getAttribute("data-backend"),
    null,
  );
  console.info(`${remote.engine}: chapter 1 computes on tfjs's ${backend} backend`);
});

test("a slider move recomputes the adversarial image at the new epsilon", async ({ remote }) => {
  await remote.press(SLIDER, "ArrowRight");
  await waitForText(remote, "#prank .eps-value", /ε = 3\/255/);
  await waitUntil(
    remote,
    "the prediction at 3/255",
    (css) => document.querySelector(`${css}[data-input="eps3"] > li:nth-child(5)`) !== null,
    ADVERSARIAL,
  );
});

test("a shared link opens the same view in a fresh page", async ({ remote }) => {
  await remote.click({ css: "button", name: /^Share this view$/ });
  const link = await waitUntil(
    remote,
    "the share panel's link",
    () => document.querySelector<HTMLInputElement>("#share-panel input[type=text]")?.value,
    null,
  );
  expect(link).toContain("eps=3");
  await remote.click({ css: "button", name: /^Copy link$/ });
  // Copied, or (a browser that refuses the clipboard) a way on in plain words.
  await waitForText(remote, ".share-panel [role=status]", /^Copied\.$|select the link/);
  await remote.goto(`${link}`);
  await waitForText(remote, "#prank .eps-value", /ε = 3\/255/);
  await waitForText(remote, ORIGINAL, /^giant panda /);
});

test("an uploaded photo is classified", async ({ remote }) => {
  await remote.upload(
    { css: 'input[type="file"]', name: /upload/i },
    fixturePath("images", "cat_chelsea.png"),
  );
  await waitForText(remote, ORIGINAL, /^(tabby|tiger cat|Egyptian cat) /);
});

test("every chapter arrives when scrolled to, with its first result", async ({ remote }) => {
  const firstResults: [string, string, RegExp][] = [
    ["linearity", DIGIT_MODELS, MEASURED],
    ["fgsm-steps", '#fgsm-steps ol[aria-label="The stages of FGSM"]', /./],
    ["transfer", '#transfer table[aria-label="transfer matrix"]', /./],
    ["training", "#training-lab [role=status]", /./],
    ["free", '#free [aria-label="Free training and the cost of each method"]', /./],
    ["vae", "#vae .latent-row", /./],
    ["arms-race", "#arms-race .certificate .certificate-words", /radius|abstain/i],
  ];
  for (const [id, css, pattern] of firstResults) {
    await scrollToChapter(remote, id);
    await waitForText(remote, css, pattern, 180_000);
  }
});

test("a zoo comparison fills its table", async ({ remote }) => {
  await scrollToChapter(remote, "attack-zoo");
  const region = '#attack-zoo section[aria-label="attack comparison"]';
  await remote.click({ css: `${region} input[type="radio"]`, name: /^CNN on a digit/ });
  for (;;) {
    const checked = await remote.run(
      (css) => document.querySelectorAll(`${css} input[type="checkbox"]:checked`).length,
      region,
    );
    if (checked === 0) break;
    await remote.click({ css: `${region} input[type="checkbox"]:checked` });
  }
  await remote.click({ css: `${region} input[type="checkbox"]`, name: /^FGSM$/ });
  await remote.click({ css: `${region} button`, name: /^Compare$/ });
  await waitForText(
    remote,
    'table[aria-label="attack comparison results"] tbody tr',
    /FGSM/,
    180_000,
  );
});

test("a chapter 5 training run advances", async ({ remote }) => {
  await scrollToChapter(remote, "training");
  await remote.click({ css: '#training-lab input[type="radio"]', name: /^Softmax/ });
  await remote.click({ css: "#training-lab button", name: /^Train$/ });
  await waitUntil(
    remote,
    "a training run's first backward passes",
    () =>
      [...document.querySelectorAll<HTMLProgressElement>("#training-lab progress")].some(
        (p) => p.value > 0,
      ),
    null,
    180_000,
  );
  await remote.click({ css: "#training-lab button", name: /^Pause$/ });
});

test("the VAE table measures the attack over test digits", async ({ remote }) => {
  await scrollToChapter(remote, "vae");
  const table = "#vae .latent-table";
  await choose(remote, { css: "#vae select", name: /^Test digits/ }, "50");
  await remote.click({ css: "#vae button", name: /^Measure$/ });
  await waitUntil(
    remote,
    "the VAE table's ten rows",
    (css) => document.querySelectorAll(`${css} tbody tr[data-filled]`).length === 10,
    table,
    240_000,
  );
});

test("a word-swap attack flips or keeps a typed sentence, and says which", async ({ remote }) => {
  await scrollToChapter(remote, "arms-race");
  const box = { css: "#word-swap textarea", name: /^sentence$/ };
  await remote.fill(box, "The staff were rude and the room was dirty.");
  await remote.click({ css: "#word-swap button", name: /^Attack sentence$/ });
  await waitForText(remote, "#word-swap .word-swap-result", /staff were rude/, 240_000);
  expect(await remote.run(textOf, "#word-swap .attack-verdict")).not.toBe("");
});

test("after one visit, the page reloads and runs with the network gone", async ({
  remote,
  network,
}) => {
  // The service worker precaches the whole app on the first visit (the page then says "works
  // offline from now on"); once it is active, the next load is under its control.
  await remote.goto(network.url);
  await waitUntil(
    remote,
    "the service worker to finish precaching",
    async () => (await navigator.serviceWorker?.getRegistration())?.active?.state === "activated",
    null,
    180_000,
  );
  await remote.goto(network.url);
  await waitUntil(
    remote,
    "the service worker to control the page",
    () => Boolean(navigator.serviceWorker?.controller),
    null,
  );
  network.setOnline(false);
  try {
    // The network is really gone: a file the service worker does not hold gets no answer.
    const uncached = await remote.run(
      () =>
        fetch(`no-such-file-${Date.now()}`).then(
          () => "answered",
          () => "no answer",
        ),
      null,
    );
    expect(uncached).toBe("no answer");
    await remote.reload();
    await waitForText(remote, ORIGINAL, /^giant panda /);
    await waitForText(remote, `${ADVERSARIAL} > li:first-child`, /^gibbon /, 180_000);
    await chapter2Measured(remote);
  } finally {
    network.setOnline(true);
  }
});

test("the dev server's page works too (npm run dev)", async ({ remote }) => {
  // Without a build: the modules one by one, tfjs pre-bundled apart, no service worker.
  await remote.goto(`http://localhost:${devPort}/`);
  await waitForText(remote, ORIGINAL, /^giant panda /, 240_000);
  await chapter2Measured(remote);
});
