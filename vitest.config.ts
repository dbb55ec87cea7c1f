import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only fight for them.
    maxWorkers: 2,
    // CI also keeps a machine-readable summary; .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: ".local/vitest-results.json" }]]
      : ["default"],
  },
});
