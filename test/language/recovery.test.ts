import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { LineIndex } from "../../src/language/line-index.js";

function findings(text: string): string[] {
  const lines = new LineIndex(text);
  return checkText(text).diagnostics.map((diagnostic) => {
    const { line, column } = lines.positionAt(diagnostic.span.start);
    return `${line}:${column} ${diagnostic.ruleId}`;
  });
}

/** A clean network whose line 6 is replaced by `broken`; office east (line 8) repeats hq's address,
 * so duplicate-address must still fire on it after any mistake on line 6. */
function withMistake(broken: string): string {
  return [
    'network "A" {',                                                        // 1
    "  release 6.0",                                                        // 2
    "  server vm-hq { role central address 10.0.0.10 }",                    // 3
    "  office hq { role central address 10.0.0.1 licenses { preferred-edition } }", // 4
    "  office dr { address 10.0.1.1 }",                                     // 5
    `  ${broken}`,                                                          // 6
    "  link hq -- dr { group-id 100 }",                                     // 7
    "  office east { address 10.0.0.1 }",                                   // 8
    "}",
    "",
  ].join("\n");
}

// Declarations after an error are still parsed and checked: each mistake on line 6 gives one
// syntax error and nothing else, and duplicate-address still fires on line 8.
describe("recovery", () => {
  const mistakes: [string, string][] = [
    ["a server with a bad value", "server vm-dr { role backup address 10.0.2 }"],
    ["an office whose '}' is missing", "office branch { address 10.0.3.1"],
    ["a misspelt declaration keyword", "offce branch { address 10.0.3.1 }"],
    ["a misspelt property", "office branch { adress 10.0.3.1 }"],
    ["a stray token", "office branch { address 10.0.3.1 users 5 5 }"],
    ["a property in the wrong block", "office branch { group-id 5 }"],
    ["a link without '--'", "link dr hq { group-id 101 }"],
    ["an unterminated string", 'server vm-dr { role backup mail-domain "dr.example.com }'],
    ["a reserved word as a name", "office server { address 10.0.3.1 }"],
    ["nothing after 'uses'", "office branch { uses }"],
    ["a stray character", "office branch { address 10.0.3.1 # }"],
    ["a wrong value type", "office branch { release 6 }"],
  ];
  for (const [name, broken] of mistakes) {
    it(`${name}: one syntax error, and a later office is still checked`, () => {
      const found = findings(withMistake(broken));
      expect(found.filter((finding) => finding.endsWith("syntax-error"))).toHaveLength(1);
      expect(found.filter((finding) => !finding.endsWith("syntax-error"))).toEqual(["8:25 duplicate-address"]);
    });
  }

  it("a release that could not be read is not also reported as missing", () => {
    const text = withMistake("office branch { }").replace("release 6.0", "release 6");
    expect(findings(text)).toEqual(["2:11 syntax-error", "8:25 duplicate-address"]);
  });
});
