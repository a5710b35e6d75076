import { existsSync } from "node:fs";

/**
 * Which Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own download (`npx playwright install chromium`).
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

/** Launch flags measured to work headless here (GUIDE section 5): software WebGL, no background traffic. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--enable-unsafe-swiftshader",
  "--use-angle=swiftshader",
];
