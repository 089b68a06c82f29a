import { describe, expect, it } from "vitest";
import { paragraph, table, wrap } from "../../src/cli/text-table.js";

describe("text tables", () => {
  it("wraps at spaces, keeps a long word whole, and indents every line by the text's own indent", () => {
    expect(wrap("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrap("a hyphenated-long-word b", 5)).toEqual(["a", "hyphenated-long-word", "b"]);
    expect(wrap("  one two three", 9)).toEqual(["  one two", "  three"]);
  });

  it("hangs a paragraph's later lines under the given prefix", () => {
    expect(paragraph("alpha beta gamma delta epsilon zeta eta", "- ", "  ", 30)).toBe("- alpha beta gamma delta\n  epsilon zeta eta");
  });

  it("aligns columns two spaces apart, right-aligns counts, and wraps only the last column", () => {
    const text = table(["n", "name", "notes"], [["1", "hq", "short"], ["12", "branch-office", "one two three four five six"]], { alignRight: [0], width: 40 });
    expect(text.split("\n")).toEqual([
      " n  name           notes",
      "--  -------------  -----",
      " 1  hq             short",
      "12  branch-office  one two three four",
      "                   five six",
    ]);
  });
});
