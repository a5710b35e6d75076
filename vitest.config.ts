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
    // Vitest's default is one fork fewer than the cores: on CI's two, one fork and an idle core
    // (the unit suite took 12 min). tfjs cpu runs on one thread per fork.
    maxWorkers: 2,
  },
});
