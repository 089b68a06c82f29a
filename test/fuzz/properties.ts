import fc from "fast-check";
import { checkText } from "../../src/check.js";
import { unmetAnalysisPreconditions } from "../../src/compile/preconditions.js";
import { rules } from "../../src/rules/index.js";
import { layouts, writeLayout } from "../support/arbitraries/layout.js";
import { networkTree } from "../support/arbitraries/network-tree.js";
import {
  anyFile, anyText, configText, formattableText, largeText, lspGarbage, nearValidText, severities, singleMistake, textWithPassword, validText, type TextInput,
} from "./inputs.js";
import { checkGraph, checkLicenses, checkSimulate } from "./invariants/analyses.js";
import { buildFiles, checkBuild, PRECONDITIONS_ONLY } from "./invariants/build.js";
import { checkBundledCli, checkCli } from "./invariants/cli.js";
import { checkConfig } from "./invariants/config.js";
import { checkFixes } from "./invariants/fixes.js";
import { checkHostileOutputDirectory, HOSTILE_KINDS } from "./invariants/hostile-output.js";
import { checkOutputDirectory } from "./invariants/output-directory.js";
import { checkFormat } from "./invariants/format.js";
import { checkFrontEnd } from "./invariants/front-end.js";
import { checkLanguageServer } from "./invariants/language-server.js";
import { checkLargeInput } from "./invariants/large-inputs.js";
import { checkLspFraming } from "./invariants/lsp-framing.js";
import { checkRenderers } from "./invariants/renderers.js";
import { checkSecrets } from "./invariants/secrets.js";
import type { Severities } from "./invariants/front-end.js";
import { ensureNone } from "./invariants/violation.js";

/**
 * The fuzz properties, by name. `npm test` runs each with a fixed seed and `runs` cases
 * (test/fuzz/fuzz.test.ts); `npm run fuzz` runs them with random seeds for as long as asked
 * (scripts/fuzz.ts). Each holds for every input its generator can make; docs/fuzzing.md says how to
 * replay a failure and turn it into a regression test.
 */
export interface FuzzProperty<T> {
  readonly name: string;
  /** What must hold, in one sentence. */
  readonly claim: string;
  readonly inputs: fc.Arbitrary<T>;
  /** Throws (an InvariantViolation, or whatever the code under test threw) when the claim fails. */
  readonly check: (input: T) => void | Promise<void>;
  /** Cases per `npm test` run. */
  readonly runs: number;
}

function define<T>(property: FuzzProperty<T>): FuzzProperty<unknown> {
  return property as FuzzProperty<unknown>;
}

const LICENCE_RULES = new Set(rules.filter((rule) => rule.category === "Licences").map((rule) => rule.id));

function errorsOf(text: string, except: (ruleId: string) => boolean = () => false): string[] {
  return checkText(text).diagnostics.filter((diagnostic) => diagnostic.severity === "error" && !except(diagnostic.ruleId))
    .map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`);
}

/** Whether simulate, graph and licenses analyse the text under scnc.json's severities, as
 * src/cli/checked-network.ts decides: no errors (but `except`), nothing they cannot do without. */
function analysable(text: string, configured: Severities, except: (ruleId: string) => boolean = () => false): boolean {
  const { network, diagnostics } = checkText(text, { severities: configured });
  return diagnostics.every((diagnostic) => diagnostic.severity !== "error" || except(diagnostic.ruleId)) &&
    unmetAnalysisPreconditions(network, configured).every((diagnostic) => except(diagnostic.ruleId));
}

const offsets = fc.array(fc.nat(), { minLength: 1, maxLength: 12 });
const commandPicks = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });

export const PROPERTIES: readonly FuzzProperty<unknown>[] = [
  define({
    name: "front-end",
    claim: "lex, parse, lower, every rule, suppressions and scnc.json severities never throw, stay within the time bound and give well-formed diagnostics inside the text",
    inputs: fc.tuple(anyText, severities),
    check: ([input, configured]) => void checkFrontEnd(input.text, configured),
    runs: 700,
  }),
  define({
    name: "large-inputs",
    claim: "a single line of hundreds of kilobytes, thousands of comments and deep nesting are checked, rendered with code frames and formatted within a bound linear in their size, without a stack overflow",
    inputs: largeText,
    check: (input) => checkLargeInput(input.text),
    runs: 12,
  }),
  define({
    name: "config",
    claim: "scnc.json, whatever it holds, gives known rules with known severities or one error line naming the file",
    inputs: configText,
    check: (input) => checkConfig(input.text),
    runs: 200,
  }),
  define({
    name: "renderers",
    claim: "text (with and without colour), JSON and SARIF output of any diagnostics never throw and keep every range inside the text",
    inputs: fc.tuple(anyText, severities),
    check: ([input, configured]) => checkRenderers(input.text, checkText(input.text, { severities: configured }).diagnostics),
    runs: 250,
  }),
  define({
    name: "fixes",
    claim: "applying any diagnostic's quick fix never breaks the checker, never adds a syntax error, and removes a diagnostic of its rule",
    inputs: fc.tuple(fc.oneof(nearValidText, anyText), severities),
    check: ([input, configured]) => checkFixes(input.text, checkText(input.text, { severities: configured }), configured),
    runs: 300,
  }),
  define({
    name: "valid-networks",
    claim: "a network generated to meet every rule gets no error (an error is a false positive of a rule, or a gap in the generator's model of the rules)",
    inputs: validText,
    check: (input) => ensureNone(errorsOf(input.text), "errors in a valid network"),
    runs: 300,
  }),
  define({
    name: "mistakes-reported",
    claim: "a network with one deliberate mistake gets a diagnostic of a rule that reports that kind of mistake",
    inputs: singleMistake,
    check: (input) => {
      const found = new Set(checkText(input.text).diagnostics.map((diagnostic) => diagnostic.ruleId));
      ensureNone(input.expected.filter((ids) => !ids.some((id) => found.has(id))).map((ids) => `none of ${ids.join(", ")} reported; found: ${[...found].join(", ") || "nothing"}`), "an unreported mistake");
    },
    runs: 400,
  }),
  define({
    name: "build",
    claim: "build's files for a valid network validate against schemas/office|server|manifest.schema.json, are byte-identical on every build and whatever the layout, and hold no password from the file",
    inputs: fc.tuple(validText, layouts()),
    check: ([input, otherLayout]) => {
      if (!checkBuild(input.text)) throw new Error("build refused a valid network");
      const relaid = writeLayout(networkTree(input.model), otherLayout).text;
      const first = buildFiles(input.text, { format: "json", resolveSecrets: false });
      const second = buildFiles(relaid, { format: "json", resolveSecrets: false });
      if (JSON.stringify(first && [...first]) !== JSON.stringify(second && [...second])) throw new Error(`another layout of the same network builds different files:\n${relaid}`);
    },
    runs: 150,
  }),
  define({
    name: "build-directory",
    claim: "build, build --check and plan on a real output directory, one network after another, agree with each other and with what build computes, and never touch the user's own files",
    inputs: fc.array(fc.oneof(validText, nearValidText), { minLength: 2, maxLength: 3 }),
    check: (inputs) => checkOutputDirectory(inputs.map((input) => input.text)),
    runs: 25,
  }),
  define({
    name: "hostile-output-directory",
    claim: "a link, folder or device planted at any path build owns makes plan, build and build --check exit 2 with one line saying it is not scnc's, printing nothing of what it points to and leaving it in place",
    inputs: fc.record({ text: validText.map((input) => input.text), entry: fc.nat(), kind: fc.constantFrom(...HOSTILE_KINDS), command: fc.nat() }),
    check: (input) => checkHostileOutputDirectory(input),
    runs: 20,
  }),
  define({
    name: "build-preconditions-only",
    claim: "with every rule but the compiler's preconditions turned off in scnc.json, build compiles whatever meets them into files that validate",
    inputs: nearValidText,
    check: (input) => void checkBuild(input.text, PRECONDITIONS_ONLY),
    runs: 200,
  }),
  define({
    name: "simulate",
    claim: "simulate never throws for no failure or any single failure (and --all on small networks) of a network it accepts, under any scnc.json; with nothing failed every office of a network without errors is served; its JSON validates",
    inputs: fc.tuple(fc.oneof(validText, nearValidText), severities),
    check: ([input, configured]) => {
      if (!analysable(input.text, configured)) return;
      checkSimulate(checkText(input.text, { severities: configured }).network, Object.keys(configured).length === 0);
    },
    runs: 150,
  }),
  define({
    name: "licenses-and-graph",
    claim: "licenses (on networks whose only errors are licence shortfalls) and graph (on networks without errors) never throw, their JSON validates and Graphviz reads their DOT",
    inputs: fc.tuple(fc.oneof(validText, nearValidText), severities),
    check: async ([input, configured]) => {
      if (!analysable(input.text, configured, (ruleId) => LICENCE_RULES.has(ruleId))) return;
      const { network } = checkText(input.text, { severities: configured });
      checkLicenses(network);
      // A NUL cannot reach `scnc graph` (the reader refuses the file), and DOT has no way to write one.
      if (analysable(input.text, configured) && !input.text.includes("\0")) await checkGraph(network);
    },
    runs: 150,
  }),
  define({
    name: "format",
    claim: "formatting is idempotent, keeps the IR, the comments, the diagnostics and the build output, and leaves text with syntax errors alone",
    inputs: formattableText,
    check: async (input) => void await checkFormat(input.text),
    runs: 150,
  }),
  define({
    name: "language-server",
    claim: "hover, completion, definition, references, symbols, rename and code actions at any position never throw and return ranges inside the document",
    inputs: fc.tuple(anyText, offsets),
    check: ([input, at]) => checkLanguageServer(input.text, at),
    runs: 200,
  }),
  define({
    name: "lsp-framing",
    claim: "any bytes before well-formed messages, cut into any chunks, make the language server's reader refuse the stream (exit 1), read on to the last message, or wait inside a declared body: never deaf, never another error",
    inputs: fc.tuple(lspGarbage, fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 6 })),
    check: ([garbage, chunks]) => checkLspFraming(garbage, chunks),
    runs: 400,
  }),
  define({
    name: "command-line",
    claim: "every command on any file exits 0, 1 or 2, never with an internal error, names the file when it cannot use it, and prints JSON that parses",
    inputs: fc.tuple(anyFile, commandPicks, fc.option(configText, { nil: undefined, freq: 4 })),
    check: ([input, picks, config]) => checkCli(input.bytes, picks, config?.text),
    runs: 80,
  }),
  define({
    name: "bundled-cli",
    claim: "the shipped ./bin/scnc (the esbuild bundle) prints exactly what the source does, with or without scnc.json",
    inputs: fc.tuple(anyFile, commandPicks, fc.option(configText, { nil: undefined })),
    check: ([input, picks, config]) => checkBundledCli(input.bytes, picks, config?.text),
    runs: 6,
  }),
  define({
    name: "secrets",
    claim: "a password written in the file never appears in diagnostics, any output format, the IR, the editor's hover and diagnostics, or the output of any command",
    inputs: textWithPassword,
    check: (input) => checkSecrets(input.text, input.password),
    runs: 40,
  }),
];

export const propertiesByName: ReadonlyMap<string, FuzzProperty<unknown>> = new Map(PROPERTIES.map((property) => [property.name, property]));

/** The input as a reader wants it: where it came from and how it was made, then the text itself. */
export function describeInput(input: unknown): string {
  const parts = Array.isArray(input) ? input : [input];
  return parts.map((part) => {
    if (part && typeof part === "object" && "text" in part) {
      const { text, bytes, model, ...rest } = part as TextInput & { bytes?: Buffer; model?: unknown };
      const header = JSON.stringify(rest, null, 2);
      const bytesNote = bytes ? `\nbytes (base64): ${bytes.toString("base64")}` : "";
      return `${header}${bytesNote}\ntext (JSON): ${JSON.stringify(text)}\n----- text -----\n${text}\n----------------`;
    }
    return JSON.stringify(part);
  }).join("\n");
}
