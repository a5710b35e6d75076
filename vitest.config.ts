import { defineConfig } from "vitest/config";

// Engine unit tests run in Node on the tfjs cpu backend.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    setupFiles: ["src/engine/testing/setupNode.ts"],
    // One copy of tfjs: its ES modules, as in the app. Node would otherwise load the packages'
    // CommonJS builds for bare imports and the ES modules for tfjsSetup's deep ones: two engines.
    server: { deps: { inline: [/@tensorflow\//] } },
    alias: [{ find: /^@tensorflow\/(tfjs-[a-z-]+)$/, replacement: "@tensorflow/$1/dist/index.js" }],
    testTimeout: 60_000,
    pool: "forks",
  },
});
