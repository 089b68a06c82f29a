import { checkText, type CheckResult } from "../check.js";
import { LineIndex } from "../language/line-index.js";
import type { RunOptions } from "../rules/run.js";

/** One version of one open document, checked: what every request about it reads. */
export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly result: CheckResult;
  readonly lineIndex: LineIndex;
}

/** Checks a document with the same front end as `scnc check`. */
export function analyze(uri: string, version: number, text: string, options: RunOptions = {}): Analysis {
  return { uri, version, text, result: checkText(text, options), lineIndex: new LineIndex(text) };
}
