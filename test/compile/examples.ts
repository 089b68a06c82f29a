import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkText } from "../../src/check.js";
import { compileNetwork } from "../../src/compile/compile.js";
import type { CompiledNetwork } from "../../src/compile/documents.js";
import { renderOutput, type OutputFormat, type RenderedOutput } from "../../src/compile/output.js";
import { unmetPreconditions } from "../../src/compile/preconditions.js";
import { resolvePassword } from "../../src/compile/secrets.js";

export const EXAMPLES_DIRECTORY = path.resolve(import.meta.dirname, "../../examples");

export interface Example {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  /** Undefined when the example has errors (it then documents what build refuses). */
  readonly compiled: CompiledNetwork | undefined;
}

/** Every .scn under examples/ (e.g. "acme", "broken/roles"), whoever added it: tests iterate over
 * what exists. */
export function examples(): Example[] {
  return readdirSync(EXAMPLES_DIRECTORY, { recursive: true, encoding: "utf8" })
    .map((name) => name.split(path.sep).join("/"))
    .filter((name) => name.endsWith(".scn"))
    .sort()
    .map((name) => {
      const file = path.join(EXAMPLES_DIRECTORY, name);
      const text = readFileSync(file, "utf8");
      const { network, diagnostics } = checkText(text);
      const buildable = !diagnostics.some((diagnostic) => diagnostic.severity === "error") && unmetPreconditions(network).length === 0;
      const password = resolvePassword(network.voicemailPassword, false, {});
      const compiled = buildable && password.ok ? compileNetwork(network, { password: password.output }) : undefined;
      return { name: name.replace(/\.scn$/, ""), file, text, compiled };
    });
}

export function render(compiled: CompiledNetwork, format: OutputFormat): RenderedOutput {
  return renderOutput(compiled, { format, scncVersion: "0.0.0-test", secretsResolved: false });
}
