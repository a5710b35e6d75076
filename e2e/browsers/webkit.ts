import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Builder, Key as SeleniumKey, type WebDriver, type WebElement } from "selenium-webdriver";
import {
  findInPage,
  type Key,
  type RemotePage,
  type Target,
  toPage,
  waitForElement,
} from "./remote";

/** Debian's WebKitGTK browser (package libwebkit2gtk-4.1-0) and its driver (webkit2gtk-driver). */
const MINIBROWSER =
  process.env.MINIBROWSER_PATH ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const DRIVER = process.env.WEBKIT_DRIVER_PATH ?? "/usr/bin/WebKitWebDriver";

export const webkitAvailable = () => existsSync(MINIBROWSER) && existsSync(DRIVER);

const KEYS: Record<Key, string> = {
  ArrowRight: SeleniumKey.ARROW_RIGHT,
  ArrowLeft: SeleniumKey.ARROW_LEFT,
  Home: SeleniumKey.HOME,
  End: SeleniumKey.END,
};

/** WebKitWebDriver on `port`, under a virtual display (MiniBrowser has no headless mode). */
export async function startWebKitDriver(port: number): Promise<ChildProcess> {
  const child = spawn("xvfb-run", ["-a", DRIVER, `--port=${port}`], {
    detached: true,
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://localhost:${port}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  stopProcessGroup(child);
  throw new Error(`WebKitWebDriver did not start on port ${port}.`);
}

export function stopProcessGroup(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
}

/** A fresh MiniBrowser window (a new, empty profile) driven through WebDriver. */
export async function openWebKit(port: number): Promise<RemotePage> {
  const capabilities = {
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
  };
  const driver = await new Builder()
    .usingServer(`http://localhost:${port}`)
    .withCapabilities(capabilities)
    .build();
  await driver.manage().setTimeouts({ script: 120_000, pageLoad: 120_000 });
  return new WebKitPage(driver);
}

class WebKitPage implements RemotePage {
  readonly engine = "webkit";
  constructor(private readonly driver: WebDriver) {}

  goto(url: string) {
    return this.driver.get(url);
  }

  reload() {
    return this.driver.navigate().refresh();
  }

  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // WebDriver awaits a promise the script returns.
    return this.driver.executeScript(`return (${fn.toString()})(arguments[0]);`, arg);
  }

  private async element(target: Target): Promise<WebElement> {
    const found = await waitForElement(target, () =>
      this.driver.executeScript<WebElement | null>(
        `return (${findInPage.toString()})(arguments[0]);`,
        toPage(target),
      ),
    );
    await this.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' });", found);
    return found;
  }

  async click(target: Target) {
    await (await this.element(target)).click();
  }

  async press(target: Target, key: Key) {
    await (await this.element(target)).sendKeys(KEYS[key]);
  }

  async fill(target: Target, text: string) {
    const element = await this.element(target);
    await element.clear();
    await element.sendKeys(text);
  }

  async upload(target: Target, path: string) {
    await (await this.element(target)).sendKeys(path);
  }

  close() {
    return this.driver.quit();
  }
}
