import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";

/** Whether this run re-accepts golden files (`UPDATE_GOLDEN=1 npx vitest run`). */
export const updatingGolden = process.env.UPDATE_GOLDEN === "1";

/**
 * Compares `actual` with the golden file at `file`, or rewrites the file when UPDATE_GOLDEN=1.
 * Golden files pin what users read; after an intended change, re-accept them and review the diff.
 */
export function expectGolden(file: string, actual: string): void {
  if (updatingGolden) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(file, "utf8");
  } catch {
    throw new Error(`golden file ${file} is missing; run UPDATE_GOLDEN=1 npx vitest run to create it`);
  }
  expect(actual, `${file} differs; if the change is intended, re-accept with UPDATE_GOLDEN=1`).toBe(expected);
}
