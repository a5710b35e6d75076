import { existsSync } from "node:fs";
import puppeteer, { type Browser, type ElementHandle, type Page } from "puppeteer-core";
import {
  findInPage,
  type Key,
  type RemotePage,
  type Target,
  toPage,
  waitForElement,
} from "./remote";

/** Debian's Firefox ESR (package firefox-esr), driven headless through WebDriver BiDi. */
const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

export const firefoxAvailable = () => existsSync(FIREFOX);

/** A fresh headless Firefox (a new, empty profile) and its one tab. */
export async function openFirefox(): Promise<RemotePage> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    // No update checks, telemetry or captive-portal probes: the network is closed here.
    extraPrefsFirefox: {
      "app.update.enabled": false,
      "network.captive-portal-service.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
    },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  page.setDefaultTimeout(120_000);
  return new FirefoxPage(browser, page);
}

class FirefoxPage implements RemotePage {
  readonly engine = "firefox";
  /** Uncaught errors of the page since it was opened (the test checks there are none). */
  readonly errors: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {
    page.on("pageerror", (e) => this.errors.push(String(e)));
  }

  async goto(url: string) {
    await this.page.goto(url);
  }

  async reload() {
    await this.page.reload();
  }

  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>;
  }

  private async element(target: Target): Promise<ElementHandle<Element>> {
    const element = await waitForElement(target, async () => {
      const handle = await this.page.evaluateHandle(findInPage, toPage(target));
      return handle.asElement() as ElementHandle<Element> | null;
    });
    await element.evaluate((el) => el.scrollIntoView({ block: "center" }));
    return element;
  }

  async click(target: Target) {
    await (await this.element(target)).click();
  }

  async press(target: Target, key: Key) {
    const element = await this.element(target);
    await element.focus();
    await this.page.keyboard.press(key);
  }

  async fill(target: Target, text: string) {
    const element = await this.element(target);
    await element.evaluate((el) => (el as HTMLTextAreaElement).select());
    await element.type(text);
  }

  async upload(target: Target, path: string) {
    await ((await this.element(target)) as ElementHandle<HTMLInputElement>).uploadFile(path);
  }

  close() {
    return this.browser.close();
  }
}
