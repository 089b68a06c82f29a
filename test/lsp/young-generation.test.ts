import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INITIAL_SEMI_SPACE_FLAG, needsYoungGeneration, SEMI_SPACE_FLAG, YOUNG_GENERATION_FLAGS } from "../../src/lsp/young-generation.js";

/** The young generation's size (MiB) in a fresh node started with these flags. */
function newSpaceMiB(flags: readonly string[]): number {
  const script = 'console.log(require("node:v8").getHeapSpaceStatistics().find((space) => space.space_name === "new_space").space_size / 2 ** 20)';
  return Number(spawnSync(process.execPath, [...flags, "-e", script], { encoding: "utf8" }).stdout);
}

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

  it("has its full size from the first change, not after V8 has grown it over hundreds of them", () => {
    // A maximum alone starts at 1 MB: the server then collected 58 times in its first 1,100 changes, not 23.
    expect(newSpaceMiB([SEMI_SPACE_FLAG])).toBeLessThan(32);
    expect(newSpaceMiB(YOUNG_GENERATION_FLAGS)).toBeGreaterThanOrEqual(32);
  });

  it("is documented for editor users, with the flag that keeps the server one process", () => {
    // A second node process per server is visible to anyone who lists processes (or kills one on
    // Windows, where the signal is not forwarded): editors.md says why, and how to avoid it.
    const editors = readFileSync(path.resolve(import.meta.dirname, "../../docs/editors.md"), "utf8");
    expect(editors).toContain(`\`${SEMI_SPACE_FLAG}\``);
    expect(editors).toContain(`\`${INITIAL_SEMI_SPACE_FLAG}\``);
    expect(editors).toContain(`NODE_OPTIONS="${SEMI_SPACE_FLAG} ${INITIAL_SEMI_SPACE_FLAG}"`);
  });
});
