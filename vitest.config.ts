import { defineConfig } from "vitest/config";

// Engine unit tests run in Node on the tfjs cpu backend.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    pool: "forks",
  },
});
