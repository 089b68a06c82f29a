import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { rules } from "../../src/rules/index.js";

// Every rule's explain page shows a failing and a fixed example; both must be true.
describe("rule examples", () => {
  for (const rule of rules) {
    it(`${rule.id}: the failing example triggers it`, () => {
      const { diagnostics } = checkText(rule.examples.failing);
      expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain(rule.id);
    });
    it(`${rule.id}: the fixed example is clean`, () => {
      const { diagnostics } = checkText(rule.examples.fixed);
      const problems = diagnostics.filter((diagnostic) => diagnostic.ruleId === rule.id || diagnostic.severity === "error");
      expect(problems.map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`)).toEqual([]);
    });
  }
});
