import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decoded, exampleFiles, mutateBytes, byteMutation } from "../support/arbitraries/byte-mutations.js";
import { networkSoup, tokenSoup } from "../support/arbitraries/token-soup.js";
import { frontEndProblems } from "../fuzz/invariants/front-end.js";
import { checkText } from "../../src/check.js";
import { allTokenTypes } from "../../src/language/tokens.js";

// Property tests: whatever the text, the front end (lex, parse, lower, every rule, the IR's JSON)
// never throws, finishes quickly, and reports ranges inside the text. Seeded, so a failure
// reproduces; fast-check prints the shrunk counterexample. The fuzz properties (test/fuzz) hold the
// rest of scnc to the same and more, on grammar-aware inputs.

const SEED = 20240601;

function problemsWith(text: string): string[] {
  return frontEndProblems(text).problems;
}

// Thousands of runs each: on a loaded shared machine one test can take longer than the default 20 s
// while every input stays fast (frontEndProblems times each one), so the tests get a wall-clock margin.
describe("the front end never throws, stays fast and keeps ranges inside the text", { timeout: 120_000 }, () => {
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
    fc.assert(fc.property(fc.nat({ max: exampleFiles.length - 1 }), fc.array(byteMutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
      const text = decoded(mutateBytes(exampleFiles[index]!.bytes, mutations));
      expect(problemsWith(text)).toEqual([]);
    }), { seed: SEED, numRuns: 1000 });
  });
});

// Issue 3: parse errors are written for people, never chevrotain's own wording or its token-type
// names ("Expecting token of type --> RightBrace <-- but found --> 'office' <--").
const tokenTypeNames = allTokenTypes.map((type) => type.name).filter((name) => /[A-Z_]/.test(name));
const rawParserWording = new RegExp(`Expecting|-->|<--|but found:|\\b(${tokenTypeNames.join("|")}|EOF)\\b`);

describe("syntax errors never show chevrotain's raw messages", () => {
  it("the pattern catches chevrotain's own wording", () => {
    expect("Expecting token of type --> RightBrace <-- but found --> 'office' <--").toMatch(rawParserWording);
    expect("expected one of: Keyword_office").toMatch(rawParserWording);
    expect("unclosed block 'office hq' opened at 12:3: expected '}' before 'office'").not.toMatch(rawParserWording);
  });

  it("on token soup and mutated examples", () => {
    const texts = fc.oneof(tokenSoup, networkSoup, fc.tuple(fc.nat({ max: exampleFiles.length - 1 }), fc.array(byteMutation, { minLength: 1, maxLength: 6 }))
      .map(([index, mutations]) => decoded(mutateBytes(exampleFiles[index]!.bytes, mutations))));
    fc.assert(fc.property(texts, (text) => {
      const messages = checkText(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === "syntax-error").map((diagnostic) => diagnostic.message);
      expect(messages.filter((message) => rawParserWording.test(message))).toEqual([]);
    }), { seed: SEED, numRuns: 1500 });
  });
});
