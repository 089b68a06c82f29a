import { InvalidArgumentError } from "commander";

/** A non-negative whole number option, e.g. `--max-warnings 0`. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number, got '${value}'`);
  return Number(value);
}

/** Commander's accumulator for an option given several times (--ignore-pattern a --ignore-pattern b). */
export function collectRepeated(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

export const IGNORE_PATTERN_HELP = "leave out files a directory or pattern would include (a glob relative to the current directory; repeatable; .scncignore is read too)";

export const CONFIG_HELP = "scnc.json to use for every input (default: each input's nearest scnc.json, in its directory or a parent)";

export const OUTPUT_FILE_HELP = "write the report to this file, atomically, instead of stdout";

/** An output directory option (`build -o`, `plan -o`). An empty one would be the current directory:
 * in CI that is `-o "$OUT"` with OUT unset, and a batch build would write every network's
 * directory and its index into the repository's root. */
export function parseOutputDirectory(value: string): string {
  if (value === "") throw new InvalidArgumentError("the path is empty (an unset variable?); give the output directory, '.' for the current one");
  return value;
}
