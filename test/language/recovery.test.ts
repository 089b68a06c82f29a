import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { LineIndex } from "../../src/language/line-index.js";

function findings(text: string): string[] {
  const lines = new LineIndex(text);
  return checkText(text).diagnostics
    .filter((diagnostic) => diagnostic.severity !== "info")
    .map((diagnostic) => {
      const { line, column } = lines.positionAt(diagnostic.span.start);
      return `${line}:${column} ${diagnostic.ruleId}`;
    });
}

/** Clean under every rule, except that office east (line 9) repeats hq's address. */
const base = [
  'network "A" {',                                                                          // 1
  "  release 6.0",                                                                          // 2
  '  voicemail-password env "VM_PASSWORD"',                                                 // 3
  '  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }',      // 4
  "  office hq { role central address 10.0.0.1 licenses { preferred-edition } }",           // 5
  "  office dr { role fallback address 10.0.1.1 licenses { preferred-edition } }",          // 6
  '  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }',       // 7
  "  link hq -- dr { group-id 100 }",                                                       // 8
  "  office east { address 10.0.0.1 }",                                                     // 9
  "  link hq -- east { group-id 101 }",                                                     // 10
  "}",
  "",
];

function withMistake(line: number, broken: string): string {
  const lines = [...base];
  lines[line - 1] = `  ${broken}`;
  return lines.join("\n");
}

// Declarations after an error are still parsed and checked: each mistake gives one syntax error
// and nothing else (one root cause, one diagnostic, across every rule), and duplicate-address
// still fires on line 9.
describe("recovery", () => {
  it("the base network has only the duplicate address", () => {
    expect(findings(base.join("\n"))).toEqual(["9:25 duplicate-address"]);
  });

  const mistakes: [string, number, string][] = [
    ["a server with a bad value", 7, 'server vm-dr { role backup address 10.1.0 mail-domain "vm-dr.example.com" }'],
    ["an unterminated string", 7, 'server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com }'],
    ["a property in the wrong block", 7, 'server vm-dr { role backup address 10.1.0.10 users 5 mail-domain "vm-dr.example.com" }'],
    ["a misspelt property", 7, 'server vm-dr { rle backup address 10.1.0.10 mail-domain "vm-dr.example.com" }'],
    ["an office whose '}' is missing", 6, "office dr { role fallback address 10.0.1.1 licenses { preferred-edition }"],
    ["a misspelt declaration keyword", 6, "offce dr { role fallback address 10.0.1.1 licenses { preferred-edition } }"],
    ["a stray token", 6, "office dr { role fallback address 10.0.1.1 users 5 5 licenses { preferred-edition } }"],
    ["nothing after 'uses'", 6, "office dr { role fallback address 10.0.1.1 uses licenses { preferred-edition } }"],
    ["a stray character", 6, "office dr { role fallback address 10.0.1.1 # licenses { preferred-edition } }"],
    ["a wrong value type", 6, "office dr { role fallback address 10.0.1.1 release 6 licenses { preferred-edition } }"],
    ["a misspelt licences block", 6, "office dr { role fallback address 10.0.1.1 licences { preferred-edition } }"],
    ["a misspelt role", 6, "office dr { role fallbak address 10.0.1.1 licenses { preferred-edition } }"],
    ["a reserved word naming a server", 6, "office dr { role fallback address 10.0.1.1 voicemail central licenses { preferred-edition } }"],
    ["a link without '--'", 8, "link hq dr { group-id 100 }"],
    ["a link with a mistyped dash", 8, "link hq - dr { group-id 100 }"],
    ["a link block with a bad group id", 8, "link hq -- dr { group-id one }"],
  ];
  for (const [name, line, broken] of mistakes) {
    it(`${name}: one syntax error, and a later office is still checked`, () => {
      const found = findings(withMistake(line, broken));
      expect(found.filter((finding) => finding.endsWith("syntax-error"))).toHaveLength(1);
      expect(found.filter((finding) => !finding.endsWith("syntax-error"))).toEqual(["9:25 duplicate-address"]);
    });
  }

  it("a release that could not be read is not also reported as missing", () => {
    expect(findings(withMistake(2, "release 6"))).toEqual(["2:11 syntax-error", "9:25 duplicate-address"]);
  });
});

describe("a network whose `network` keyword recovery had to insert", () => {
  it("has real positions (an empty span before its name) and is marked recovered", async () => {
    const { parse } = await import("../../src/language/parse.js");
    const network = parse('"str" { office a {} }').network;
    expect(network?.keywordSpan).toEqual({ start: 0, end: 0 });
    expect(network?.span).toEqual({ start: 0, end: 21 });
    expect(network?.recovered).toBe(true);
  });
});
