import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { lower } from "./ir/lower.js";
import type { Network } from "./ir/types.js";
import type { SourceFile } from "./language/ast.js";
import { parse } from "./language/parse.js";
import { runRules, type RunOptions } from "./rules/run.js";

export interface CheckResult {
  readonly source: SourceFile;
  readonly network: Network;
  readonly diagnostics: readonly Diagnostic[];
}

/** The whole front end: text → syntax tree → intermediate form → diagnostics. The CLI, the
 * language server, the compiler and the tests all start here. */
export function checkText(text: string, options: RunOptions = {}): CheckResult {
  const source = parse(text);
  const network = lower(source);
  const diagnostics = runRules(network, options);
  return { source, network, diagnostics };
}
