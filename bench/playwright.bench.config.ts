import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

// `npm run bench`: the same browser and server as the e2e tests, but only the benchmarks.
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "*.bench.ts",
  timeout: 900_000,
  reporter: [["list"]],
});
