import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";

describe("the order of diagnostics", () => {
  it("is reading order; at one position errors come first, the syntax error before the rest", () => {
    const text = 'network "N" {\n  release 6.0\n  server vm-hq { role central address 10.0.0.10 }\n  office hq { role central address 10.0.0.1 licenses { preferred-edition } }\n  office office { }\n}\n';
    const { diagnostics } = checkText(text);
    const atName = diagnostics.filter((diagnostic) => diagnostic.span.start === text.indexOf("office {"));
    expect(atName.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([
      ["syntax-error", "error"],
      ["office-unreachable", "error"],
      ["missing-address", "warning"],
    ]);
    const starts = diagnostics.map((diagnostic) => diagnostic.span.start);
    expect(starts).toEqual([...starts].sort((first, second) => first - second));
  });
});
