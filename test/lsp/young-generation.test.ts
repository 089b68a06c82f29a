import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { needsYoungGeneration, SEMI_SPACE_FLAG } from "../../src/lsp/young-generation.js";

describe("the language server's young generation", () => {
  it("is asked for when nothing set it", () => {
    expect(needsYoungGeneration([], {})).toBe(true);
    expect(needsYoungGeneration(["--enable-source-maps"], { NODE_OPTIONS: "--trace-warnings" })).toBe(true);
  });

  it("is left alone once set: by the relaunch, on node's command line or in NODE_OPTIONS", () => {
    expect(needsYoungGeneration([SEMI_SPACE_FLAG], {})).toBe(false);
    expect(needsYoungGeneration([], { SCNC_LSP_RELAUNCHED: "1" })).toBe(false);
    expect(needsYoungGeneration(["--max_semi_space_size=64"], {})).toBe(false);
    expect(needsYoungGeneration([], { NODE_OPTIONS: "--inspect --max-semi-space-size=8" })).toBe(false);
  });

  it("is documented for editor users, with the flag that keeps the server one process", () => {
    // A second node process per server is visible to anyone who lists processes (or kills one on
    // Windows, where the signal is not forwarded): editors.md says why, and how to avoid it.
    const editors = readFileSync(path.resolve(import.meta.dirname, "../../docs/editors.md"), "utf8");
    expect(editors).toContain(`\`${SEMI_SPACE_FLAG}\``);
    expect(editors).toContain(`NODE_OPTIONS=${SEMI_SPACE_FLAG}`);
  });
});
