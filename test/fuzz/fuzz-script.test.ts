import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("npm run fuzz", () => {
  it("checks every property it was given, however short the time asked for", async () => {
    // Two fast properties with --seconds 1: under a second each, which once made the run check
    // nothing and still say ok.
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/fuzz.ts", "--seconds", "1", "--property", "config,renderers"], { cwd: root });
    const rows = stdout.split("\n").filter((line) => /^(config|renderers|total)\s/.test(line));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [, cases, result] = /^\S+\s+(\d+)\s+[\d.]+\s+(.*)$/.exec(row) ?? [];
      expect(Number(cases), row).toBeGreaterThan(0);
      expect(result, row).toBe("ok");
    }
  });
});
