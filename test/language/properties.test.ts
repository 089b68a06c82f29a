import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { serializeNetwork } from "../../src/ir/serialize.js";
import { LineIndex } from "../../src/language/line-index.js";
import { keywordsByText } from "../../src/language/tokens.js";
import { repositoryRoot } from "../support/cli.js";
import { schemaValidator } from "../support/json-schema.js";

// Property tests: whatever the text, the front end (lex, parse, lower, every rule, the IR's JSON)
// never throws, finishes quickly, and reports ranges inside the text. Seeded, so a failure
// reproduces; fast-check prints the shrunk counterexample.

const SEED = 20240601;
/** Far above what a few hundred bytes take (well under a millisecond); catches runaway loops. */
const GENEROUS_MS = 1000;
const validateNetwork = schemaValidator(path.join(repositoryRoot, "schemas/ir.schema.json"), "#/$defs/network");

function spansInside(diagnostic: Diagnostic, length: number): boolean {
  const spans = [diagnostic.span, ...diagnostic.related.map((related) => related.span), ...(diagnostic.fix?.edits ?? []).map((edit) => edit.span)];
  return spans.every((span) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length);
}

/** Checks one text end to end and returns what is wrong with the result (nothing, ideally). */
function problemsWith(text: string): string[] {
  const started = performance.now();
  const result = checkText(text);
  const ir = serializeNetwork(result.network, new LineIndex(text));
  const elapsed = performance.now() - started;
  const problems: string[] = [];
  if (elapsed > GENEROUS_MS) problems.push(`took ${elapsed.toFixed(0)} ms`);
  for (const diagnostic of result.diagnostics) {
    if (!spansInside(diagnostic, text.length)) problems.push(`${diagnostic.ruleId} range outside the text: ${JSON.stringify(diagnostic.span)}`);
    if (diagnostic.message.trim() === "") problems.push(`${diagnostic.ruleId} has an empty message`);
  }
  problems.push(...validateNetwork(JSON.parse(JSON.stringify(ir))).map((error) => `IR: ${error}`));
  return problems;
}

const words = [
  ...keywordsByText.keys(), "hq", "east", "vm-hq", "a-b", "_x", "A", "HQ",
  "{", "}", ";", "--", "-", "—", '"Acme"', '"fd00::10"', '"10.0.0.1"', '"unterminated', '"a\\qb"', '"\\""',
  "6.0", "5.0", "12.2", "6", "0", "90000", "100001", "10.0.0.1", "10.0.0", "1.2.3.4.5", "010.0.0.1", "256.1.1.1",
  "// comment", "/* block */", "/* open", "*/", "@", "\u00e9", "😀", "\uFEFF", "\0", "\r", "\t",
];
const separator = fc.constantFrom(" ", "\n", "\r\n", "\t", "", "  ");
const tokenSoup = fc.array(fc.tuple(fc.constantFrom(...words), separator), { maxLength: 80 })
  .map((parts) => parts.map(([word, space]) => word + space).join(""));
/** A network-shaped prefix makes the soup reach deeper into the grammar than at file level. */
const networkSoup = fc.tuple(tokenSoup, fc.boolean()).map(([soup, closed]) => `network "N" { ${soup}${closed ? " }" : ""}`);

const examplesDirectory = path.join(repositoryRoot, "examples");
const exampleTexts = readdirSync(examplesDirectory, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".scn"))
  .sort()
  .map((name) => readFileSync(path.join(examplesDirectory, name)));

type Mutation =
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; bytes: number[] }
  | { kind: "flip"; at: number; bit: number }
  | { kind: "duplicate"; at: number; length: number; to: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }), to: fc.nat() }),
);

function mutate(original: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(original);
  for (const change of mutations) {
    const at = change.at % (bytes.length + 1);
    if (change.kind === "delete") bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + change.length)]);
    else if (change.kind === "insert") bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(change.bytes), bytes.subarray(at)]);
    else if (change.kind === "flip" && at < bytes.length) bytes[at] = (bytes[at] as number) ^ (1 << change.bit);
    else if (change.kind === "duplicate") {
      const slice = bytes.subarray(at, at + change.length);
      const to = change.to % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, to), slice, bytes.subarray(to)]);
    }
  }
  return bytes;
}

describe("the front end never throws, stays fast and keeps ranges inside the text", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
      expect(problemsWith(text)).toEqual([]);
    }), { seed: SEED, numRuns: 1000 });
  });

  it("on arbitrary UTF-16, lone surrogates included", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
      expect(problemsWith(text)).toEqual([]);
    }), { seed: SEED, numRuns: 500 });
  });

  it("on token soup made of the language's own words", () => {
    fc.assert(fc.property(fc.oneof(tokenSoup, networkSoup), (text) => {
      expect(problemsWith(text)).toEqual([]);
    }), { seed: SEED, numRuns: 2000 });
  });

  it("on byte-level mutations of the examples", () => {
    fc.assert(fc.property(fc.nat({ max: exampleTexts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
      const text = mutate(exampleTexts[index] as Buffer, mutations).toString("utf8");
      expect(problemsWith(text)).toEqual([]);
    }), { seed: SEED, numRuns: 1000 });
  });
});
