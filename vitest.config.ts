import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/build-once.ts"],
    testTimeout: 20_000,
    // Test files share one module graph: re-importing chevrotain, Prettier and ajv for each of
    // ~100 files cost more than half the run (95 s → 37 s on the 2-core CI machine). Tests keep no
    // global state beyond the parser singleton, which is built to be reused.
    isolate: false,
    reporters: ["default", ["json", { outputFile: ".tmp/vitest-results.json" }]],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary", "html"],
    },
  },
});
