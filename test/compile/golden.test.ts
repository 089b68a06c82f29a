import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { updatingGolden } from "../support/golden.js";
import { examples } from "./examples.js";
import { scnc, snapshot, workspace } from "./run-scnc.js";

/** test/golden/build/<example>/<format>/… holds what `scnc build` writes for each example, or
 * errors.txt for an example build refuses. `UPDATE_GOLDEN=1 npx vitest run test/compile/golden.test.ts`
 * re-accepts them after an intended change; the diff is the review. */
const GOLDEN = path.resolve(import.meta.dirname, "../golden/build");

function accept(directory: string, files: Record<string, string>): void {
  rmSync(directory, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), content);
  }
}

function golden(directory: string): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(snapshot(directory)).map(([name, file]) => [name, file.content]));
  } catch {
    return {};
  }
}

describe("golden build output for every example", () => {
  for (const example of examples()) {
    for (const format of ["json", "checklist"] as const) {
      it(`examples/${example.name}.scn --format ${format}`, async () => {
        const cwd = workspace();
        const run = await scnc(["build", example.file, "-o", path.join(cwd, "out"), "--format", format], { cwd });
        const expected = path.join(GOLDEN, example.name, run.code === 0 ? format : "refused");
        const actual = run.code === 0
          ? Object.fromEntries(Object.entries(snapshot(path.join(cwd, "out"))).map(([name, file]) => [name, file.content]))
          : { "errors.txt": run.stderr.replaceAll(example.file, `examples/${example.name}.scn`) };
        expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
        if (updatingGolden) accept(expected, actual);
        expect(actual, `golden ${path.relative(process.cwd(), expected)} differs; UPDATE_GOLDEN=1 re-accepts it`).toEqual(golden(expected));
      });
    }
  }
});

it("golden directories exist only for examples that exist", () => {
  const names = examples().map((example) => `${example.name}/`);
  const stale = Object.keys(golden(GOLDEN)).filter((file) => !names.some((name) => file.startsWith(name)));
  expect(stale).toEqual([]);
});
