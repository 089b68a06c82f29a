import path from "node:path";
import { checkText, type CheckResult } from "../../../src/check.js";
import { compareDiagnostics, type Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { serializeNetwork } from "../../../src/ir/serialize.js";
import { LineIndex } from "../../../src/language/line-index.js";
import type { Span } from "../../../src/language/span.js";
import { rulesById } from "../../../src/rules/index.js";
import type { SeveritySetting } from "../../../src/rules/run.js";
import { schemaValidator } from "../../support/json-schema.js";
import { ensureNone, timed } from "./violation.js";

/**
 * The front end (lex, parse, lower, every rule, suppressions, configured severities) on any text:
 * it never throws, finishes within a generous bound, gives the same answer twice, and every
 * diagnostic is well formed: known rule, the configured severity, a message, spans inside the
 * text, fix edits that do not overlap. The IR it builds serializes per schemas/ir.schema.json.
 */

export type Severities = Readonly<Record<string, SeveritySetting>>;

const validateNetwork = schemaValidator(path.resolve(import.meta.dirname, "../../../schemas/ir.schema.json"), "#/$defs/network");
const SEVERITIES = new Set(["error", "warning", "info"]);

// The parser is built on first use; build it now so no input pays for it.
checkText('network "warm-up" { }');

function spanProblem(span: Span, length: number): string | undefined {
  const fine = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  return fine ? undefined : `span ${JSON.stringify(span)} is not inside the text (length ${length})`;
}

/** What is wrong with one diagnostic of a text of the given length (nothing, ideally). */
export function diagnosticProblems(diagnostic: Diagnostic, length: number, severities: Severities = {}): string[] {
  const problems: string[] = [];
  const where = `${diagnostic.ruleId} "${diagnostic.message.slice(0, 120)}"`;
  const spans = [diagnostic.span, ...diagnostic.related.map((related) => related.span), ...(diagnostic.fix?.edits ?? []).map((edit) => edit.span)];
  for (const span of spans) {
    const problem = spanProblem(span, length);
    if (problem) problems.push(`${where}: ${problem}`);
  }
  const rule = rulesById.get(diagnostic.ruleId);
  if (!rule) problems.push(`${where}: no rule has this id`);
  const configured = severities[diagnostic.ruleId];
  if (!SEVERITIES.has(diagnostic.severity)) problems.push(`${where}: severity '${diagnostic.severity}'`);
  else if (configured === "off") problems.push(`${where}: reported although scnc.json turns the rule off`);
  else if (configured && configured !== diagnostic.severity) problems.push(`${where}: severity ${diagnostic.severity}, but scnc.json says ${configured}`);
  else if (!configured && rule && rule.severity !== diagnostic.severity) problems.push(`${where}: severity ${diagnostic.severity}, but the rule's default is ${rule.severity}`);
  if (diagnostic.message.trim() === "") problems.push(`${diagnostic.ruleId}: empty message`);
  for (const related of diagnostic.related) if (related.message.trim() === "") problems.push(`${where}: a related location without a message`);
  if (diagnostic.fix) {
    if (diagnostic.fix.message.trim() === "") problems.push(`${where}: a fix without a message`);
    if (diagnostic.fix.edits.length === 0) problems.push(`${where}: a fix without edits`);
    const edits = [...diagnostic.fix.edits].sort((first, second) => first.span.start - second.span.start || first.span.end - second.span.end);
    for (let index = 1; index < edits.length; index++) {
      const previous = edits[index - 1]!;
      const edit = edits[index]!;
      if (edit.span.start < previous.span.end) problems.push(`${where}: fix edits overlap: ${JSON.stringify(previous.span)} and ${JSON.stringify(edit.span)}`);
    }
  }
  return problems;
}

/** Checks a text and says what is wrong with the result. */
export function frontEndProblems(text: string, severities: Severities = {}): { result: CheckResult; problems: string[] } {
  const problems: string[] = [];
  const options = { severities };
  const result = timed("checking", problems, () => checkText(text, options));
  result.diagnostics.forEach((diagnostic, index) => {
    problems.push(...diagnosticProblems(diagnostic, text.length, severities));
    const previous = result.diagnostics[index - 1];
    if (previous && compareDiagnostics(previous, diagnostic) > 0) problems.push(`diagnostics out of order: ${previous.ruleId} before ${diagnostic.ruleId}`);
  });
  const ir = timed("serializing the IR", problems, () => serializeNetwork(result.network, new LineIndex(text)));
  problems.push(...validateNetwork(JSON.parse(JSON.stringify(ir))).map((error) => `IR does not match schemas/ir.schema.json: ${error}`));
  // The parser object is reused: a text checked after another, broken one must give the same answer.
  checkText('network "other" { office a { role');
  const again = checkText(text, options);
  if (JSON.stringify(again.diagnostics) !== JSON.stringify(result.diagnostics)) problems.push("checking the same text twice gave different diagnostics");
  return { result, problems };
}

export function checkFrontEnd(text: string, severities: Severities = {}): CheckResult {
  const { result, problems } = frontEndProblems(text, severities);
  ensureNone(problems, "front end");
  return result;
}
