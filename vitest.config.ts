import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/build-once.ts"],
    // A timeout only catches a hang: speed is measured in bench/, never by tests. The machine that
    // runs the suite may be shared and loaded (8 engineers on 2 cores ran the property and CLI tests
    // past 20 s), so the limit is generous.
    testTimeout: 300_000,
    // Test files share one module graph: re-importing chevrotain, Prettier and ajv for each of
    // ~100 files cost more than half the run (95 s → 37 s on the 2-core CI machine). Tests keep no
    // global state beyond the parser singleton, which is built to be reused.
    isolate: false,
    // Every scnc the tests spawn checks what it builds against the schemas (build skips that
    // otherwise: docs/decisions.md, "Output schema validation").
    env: { SCNC_VALIDATE_OUTPUT: "1" },
    reporters: ["default", ["json", { outputFile: ".tmp/vitest-results.json" }]],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary", "html"],
    },
  },
});
