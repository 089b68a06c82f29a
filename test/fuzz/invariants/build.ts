import path from "node:path";
import { checkText } from "../../../src/check.js";
import { compileNetwork } from "../../../src/compile/compile.js";
import type { CompiledNetwork, DeviceDocument } from "../../../src/compile/documents.js";
import { canonicalJson } from "../../../src/compile/json.js";
import { NO_LINE_NUMBERS, type LineNumbers } from "../../../src/compile/line-numbers.js";
import { renderOutput, type OutputFormat } from "../../../src/compile/output.js";
import { unmetPreconditions } from "../../../src/compile/preconditions.js";
import { resolvePassword } from "../../../src/compile/secrets.js";
import { stepSpans, type Step } from "../../../src/compile/steps/model.js";
import { documentProblems } from "../../../src/compile/validate.js";
import type { Span } from "../../../src/language/span.js";
import { rules } from "../../../src/rules/index.js";
import { COMPILER_PRECONDITIONS } from "../../../src/compile/preconditions.js";
import { schemaValidator } from "../../support/json-schema.js";
import type { Severities } from "./front-end.js";
import { ensureNone, timed } from "./violation.js";

/**
 * `scnc build` on a network it accepts: every document validates against its schema, both with
 * the compiler's own generated validators and with the schemas compiled afresh by ajv, as any
 * consumer would; the same text gives byte-identical files; and no file holds a password written
 * in the .scn file unless secrets are resolved.
 */

const schemaDirectory = path.resolve(import.meta.dirname, "../../../schemas");
const freshValidators = {
  office: schemaValidator(path.join(schemaDirectory, "office.schema.json")),
  server: schemaValidator(path.join(schemaDirectory, "server.schema.json")),
  manifest: schemaValidator(path.join(schemaDirectory, "manifest.schema.json")),
};

/** What the fuzzer sets a resolved environment variable to. */
export const RESOLVED_SECRET = "resolved-Secret-value";

/** scnc.json that turns off every rule except those the compiler cannot do without: what build
 * then compiles is any network that meets the compiler's preconditions. */
export const PRECONDITIONS_ONLY: Severities = Object.fromEntries(
  rules.filter((rule) => !COMPILER_PRECONDITIONS.includes(rule.id)).map((rule) => [rule.id, "off" as const]),
);

export interface BuildVariant {
  readonly format: OutputFormat;
  readonly resolveSecrets: boolean;
}

export const BUILD_VARIANTS: readonly BuildVariant[] = [
  { format: "json", resolveSecrets: false },
  { format: "json", resolveSecrets: true },
  { format: "checklist", resolveSecrets: false },
];

/** The checklist steps the runbook reuses: every device has them, ids unique within it, spans inside
 * the text, an office sends its configuration once and sets Security Settings only after it, and no
 * step holds the password (which may have been resolved into the documents). */
function stepProblems(compiled: CompiledNetwork, length: number): string[] {
  const problems: string[] = [];
  if (compiled.steps.length !== compiled.offices.length + compiled.servers.length) problems.push("a device has no checklist steps");
  for (const { device, steps } of compiled.steps) {
    const where = `${device.kind} '${device.name}' steps`;
    const ids = steps.map((step) => step.id);
    if (new Set(ids).size !== ids.length) problems.push(`${where}: repeated ids ${ids.join(", ")}`);
    if (stepsSpans(steps).some((span) => span.start < 0 || span.end > length || span.start > span.end)) problems.push(`${where}: a span outside the text`);
    if (device.kind === "office") {
      const send = ids.indexOf("send");
      if (send < 0 || ids.lastIndexOf("send") !== send) problems.push(`${where}: not exactly one send step`);
      if (steps.some((step, index) => step.changeClass === "online" && index < send)) problems.push(`${where}: Security Settings before the send step`);
    }
  }
  // With --resolve-secrets the documents hold RESOLVED_SECRET; the steps never do.
  if (JSON.stringify(compiled.steps).includes(RESOLVED_SECRET)) problems.push("a checklist step holds the password");
  return problems;
}

function stepsSpans(steps: readonly Step[]): Span[] {
  return steps.flatMap(stepSpans);
}

/** The files `scnc build` writes for the text (path → content), or undefined when it refuses it. */
export function buildFiles(
  text: string, variant: BuildVariant, severities: Severities = {}, problems: string[] = [], lineNumbers: LineNumbers = NO_LINE_NUMBERS,
): Map<string, string> | undefined {
  const { network, diagnostics } = checkText(text, { severities });
  if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) return undefined;
  if (unmetPreconditions(network, severities).length > 0) return undefined;
  const env = network.voicemailPassword?.kind === "env" ? { [network.voicemailPassword.variable]: RESOLVED_SECRET } : {};
  const password = resolvePassword(network.voicemailPassword, variant.resolveSecrets, env);
  if (!password.ok) throw new Error(`the variable ${password.missingVariable} was set`);
  const compiled = timed("compiling", problems, () => compileNetwork(network, { password: password.output, lineNumbers }));
  const documents: DeviceDocument[] = [...compiled.offices, ...compiled.servers];
  for (const document of documents) {
    const where = `${document.kind} '${document.name}'`;
    problems.push(...documentProblems(document).map((problem) => `${where} (generated validator): ${problem}`));
    problems.push(...freshValidators[document.kind](JSON.parse(canonicalJson(document))).map((problem) => `${where} (schema compiled afresh): ${problem}`));
  }
  problems.push(...stepProblems(compiled, text.length));
  if (problems.length > 0) return undefined;
  const output = timed("rendering the files", problems, () =>
    renderOutput(compiled, { format: variant.format, scncVersion: "0.0.0-fuzz", secretsResolved: variant.resolveSecrets }));
  problems.push(...freshValidators.manifest(JSON.parse(output.manifest.content)).map((problem) => `manifest (schema compiled afresh): ${problem}`));
  const files = new Map([[output.manifest.path, output.manifest.content], ...output.devices.map((file) => [file.path, file.content] as const)]);
  if (files.size !== output.devices.length + 1) problems.push("two devices would be written to the same file");
  return files;
}

/** Builds every variant of a text that build accepts; returns whether it did. */
export function checkBuild(text: string, severities: Severities = {}): boolean {
  const problems: string[] = [];
  const { network } = checkText(text);
  const literal = network.voicemailPassword?.kind === "literal" ? network.voicemailPassword.value : undefined;
  let built = false;
  for (const variant of BUILD_VARIANTS) {
    const files = buildFiles(text, variant, severities, problems);
    if (!files) continue;
    built = true;
    const again = buildFiles(text, variant, severities);
    const differing = [...files].filter(([file, content]) => again?.get(file) !== content).map(([file]) => file);
    if (differing.length > 0 || again?.size !== files.size) problems.push(`${variant.format}: building twice gave different files: ${differing.join(", ")}`);
    if (literal && literal.length >= 4 && !variant.resolveSecrets) {
      const leaked = [...files].filter(([, content]) => content.includes(literal)).map(([file]) => file);
      if (leaked.length > 0) problems.push(`${variant.format}: the password written in the file appears in ${leaked.join(", ")}`);
    }
  }
  ensureNone(problems, "build");
  return built;
}
