import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "../support/cli.js";

// Flat memory in a long batch check (src/cli/v8-settings.ts, holdYoungGeneration): V8 doubles its
// young generation whenever enough bytes have survived scavenges, so a long run reaches the 32 MB
// maximum however little each scavenge keeps. The check stops it at 16 MB, what a 1,000-network
// check reaches anyway. Measured in a fresh process with V8's real heap: the growth factor is read
// at each growth, and only a real V8 says whether a factor set at run time holds the size.
const settings = pathToFileURL(path.join(repositoryRoot, "src/cli/v8-settings.ts")).href;

/** The young generation's size, in MB, after a loop that keeps a little of what it allocates. */
function youngGenerationAfterChurn(hold: boolean): number {
  const program = `
    import { getHeapSpaceStatistics } from "node:v8";
    import { holdYoungGeneration } from ${JSON.stringify(settings)};
    let kept = [];
    for (let i = 0; i < 10_000_000; i++) {
      const survivor = { index: i, list: [i] };
      if (i % 50 === 0) { kept.push(survivor); if (kept.length > 20_000) kept = []; }
      if (${hold} && i % 1_000 === 0) holdYoungGeneration();
    }
    console.log(getHeapSpaceStatistics().find((space) => space.space_name === "new_space").space_size / 1048576);`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], { cwd: repositoryRoot, encoding: "utf8", timeout: 60_000 });
  expect(run.stderr).toBe("");
  return Number(run.stdout.trim());
}

describe("the young generation of a long batch check", () => {
  it("grows past 16 MB when nothing holds it (to V8's maximum, 32 MB on 64-bit machines)", () => {
    expect(youngGenerationAfterChurn(false)).toBeGreaterThan(16);
  });

  it("stays at 16 MB once held", () => {
    expect(youngGenerationAfterChurn(true)).toBe(16);
  });
});
