import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { lex } from "../../src/language/lexer.js";

// Regression: an unterminated string used to run to the end of its line, swallowing the `}` that
// closed the block, so one missing quote also gave "unclosed block" and an invalid-value error.
describe("unterminated strings", () => {
  it("end before a brace, semicolon or comment that follows whitespace", () => {
    const text = 'mail-domain "vm.example }';
    const { tokens, errors } = lex(text);
    expect(tokens.map((token) => token.image)).toEqual(["mail-domain", '"vm.example', "}"]);
    expect(errors).toEqual([{ message: "unterminated string: add a closing '\"' before the end of the line", span: { start: 12, end: 23 } }]);
  });

  it("give back a trailing comment, and forget escape errors inside it", () => {
    const { tokens, errors, comments } = lex('"abc // a \\q note\n');
    expect(tokens.map((token) => token.image)).toEqual(['"abc']);
    expect(comments.map((comment) => comment.text)).toEqual(["// a \\q note"]);
    expect(errors.map((error) => error.message)).toEqual(["unterminated string: add a closing '\"' before the end of the line"]);
  });

  it("give one diagnostic, and the block still closes", () => {
    const text = [
      'network "A" {',
      "  release 6.0",
      '  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example }',
      "  office hq { role central address 10.0.0.1 licenses { preferred-edition } }",
      "}",
      "",
    ].join("\n");
    const { diagnostics } = checkText(text);
    const problems = diagnostics.filter((diagnostic) => diagnostic.severity !== "info");
    expect(problems.map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`)).toEqual([
      "syntax-error: unterminated string: add a closing '\"' before the end of the line",
    ]);
  });
});
