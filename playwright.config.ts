import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/browser";
import type { Engine } from "./e2e/browsers/fixtures";
import { devPort, previewPort as port } from "./e2e/ports";

// End-to-end tests drive the built app (vite preview) in Chromium, with WebGL in software, and
// a classroom's path through it in WebKit and Firefox (e2e/browsers/, through their own drivers).
// GIBBON_E2E_PORT and GIBBON_DIST let two checkouts (or two people) run suites side by side.
const outDir = process.env.GIBBON_DIST ?? "dist";
export default defineConfig<{ engine: Engine }>({
  testDir: "e2e",
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    acceptDownloads: true,
    trace: "retain-on-failure",
    // The app's service worker (offline copy) would otherwise precache 15 MB in every test and
    // answer requests that tests route; e2e/pwa.spec.ts allows it.
    serviceWorkers: "block",
  },
  projects: [
    { name: "chromium", testIgnore: "browsers/**" },
    // The same build in Safari's engine and in Firefox (Debian's packages; see e2e/browsers/).
    { name: "webkit", testDir: "e2e/browsers", use: { engine: "webkit" } },
    { name: "firefox", testDir: "e2e/browsers", use: { engine: "firefox" } },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
      cwd: import.meta.dirname,
      url: `http://localhost:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    // `npm run dev`'s server too, for the one test that the README's first command works.
    {
      command: `npx vite --port ${devPort} --strictPort`,
      cwd: import.meta.dirname,
      url: `http://localhost:${devPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
