import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { compareDiagnostics } from "../../src/diagnostics/diagnostic.js";
import { LineIndex } from "../../src/language/line-index.js";
import { generateNetwork } from "../../bench/networks.js";

function countBy(ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

describe("thousands of diagnostics", () => {
  it("a star of 5,000 offices whose links all use group id 0", () => {
    const offices = 5_000;
    const lines = ['network "Many" {', "  release 6.0", "  server vm-hq { role central address 172.16.0.10 }", "  office hub { role central address 172.16.0.1 licenses { preferred-edition } }"];
    for (let index = 1; index < offices; index++) lines.push(`  office o${index} { users 1 address 10.0.${index >> 8}.${index & 255} }`);
    for (let index = 1; index < offices; index++) lines.push(`  link hub -- o${index} { group-id 0 }`);
    lines.push("  office lost { address 172.16.9.9 }", "}", "");
    const text = lines.join("\n");
    const { diagnostics } = checkText(text);
    expect(countBy(diagnostics.map((diagnostic) => diagnostic.ruleId))).toEqual({
      "group-id-default": offices - 1,
      "duplicate-group-id": offices - 2,
      "scn-max-systems": 1,
      "scn-max-users": 1,
      "office-unreachable": 1,
      "no-voicemail-resilience": 1,
    });
    // Reading order, and every range inside the text.
    expect([...diagnostics].sort(compareDiagnostics)).toEqual(diagnostics);
    expect(diagnostics.every((diagnostic) => diagnostic.span.start >= 0 && diagnostic.span.end <= text.length)).toBe(true);
    const lineIndex = new LineIndex(text);
    const duplicates = diagnostics.filter((diagnostic) => diagnostic.ruleId === "duplicate-group-id");
    expect(lineIndex.positionAt(duplicates[0]!.span.start).line).toBe(offices + 5);
    expect(duplicates[0]!.message).toBe("link hub -- o2 uses group id 0, which office 'hub' already uses on link hub -- o1; give each link of an office its own group id");
    expect(duplicates.at(-1)!.message).toMatch(new RegExp(`^link hub -- o${offices - 1} uses group id 0`));
  });

  it("thousands of unknown names among thousands of offices: suggestions stop at a budget, not at quadratic time", () => {
    const lines = ['network "Typos" {', "  release 6.0", "  server vm-hq { role central address 172.16.0.10 }", "  office hub { role central licenses { preferred-edition } }"];
    for (let index = 1; index < 20_000; index++) lines.push(`  office branch-${index} { }`);
    for (let index = 1; index < 5_000; index++) lines.push(`  link hub -- brnch-${index} { group-id ${index} }`);
    lines.push("}", "");
    const started = performance.now();
    const references = checkText(lines.join("\n")).diagnostics.filter((diagnostic) => diagnostic.ruleId === "unknown-reference");
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(references).toHaveLength(4_999);
    expect(references[0]!.message).toBe("link hub -- brnch-1 names office 'brnch-1', which is not declared; did you mean 'branch-1'?");
    expect(references.at(-1)!.message).toBe("link hub -- brnch-4999 names office 'brnch-4999', which is not declared");
  }, 30_000);

  it("suppressions on thousands of lines", () => {
    const lines = ['network "Quiet" {', "  release 6.0", "  server vm-hq { role central address 172.16.0.10 }", "  office hub { role central address 172.16.0.1 licenses { preferred-edition } }"];
    for (let index = 1; index < 3_000; index++) lines.push(`  office o${index} { address 10.0.${index >> 8}.${index & 255} }`);
    for (let index = 1; index < 3_000; index++) lines.push(`  // scnc-disable-next-line group-id-default -- test`, `  link hub -- o${index} { group-id 0 }`);
    lines.push("}", "");
    const ids = checkText(lines.join("\n"), { severities: { "duplicate-group-id": "off", "scn-max-systems": "off" } }).diagnostics.map((diagnostic) => diagnostic.ruleId);
    expect(ids).toEqual(["no-voicemail-resilience"]);
  });

  it("the scale benchmark's 100,000 offices: group ids in the reserved band", () => {
    const { diagnostics } = checkText(generateNetwork(100_000, "random-tree"));
    expect(countBy(diagnostics.map((diagnostic) => diagnostic.ruleId))).toEqual({
      "group-id-reserved": 10_000,
      "scn-max-systems": 1,
      "scn-max-users": 1,
      "scn-max-hops": 1,
    });
  }, 240_000); // what this holds is the diagnostics, not speed (bench/ measures that); a loaded machine needs room
});
