import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { formatText } from "../../src/format/format.js";
import { serializeNetwork } from "../../src/ir/serialize.js";
import { LineIndex } from "../../src/language/line-index.js";
import { parse } from "../../src/language/parse.js";
import { scnFile, tidyFile } from "./arbitrary-network.js";

/** The intermediate form without source positions, which formatting is allowed to move. */
function meaning(text: string): string {
  const { network } = checkText(text);
  return JSON.stringify(serializeNetwork(network, new LineIndex(text)), (key, value: unknown) => (key === "range" ? undefined : value));
}

/** Comment texts, each line without trailing whitespace (Prettier trims line ends). */
function commentsOf(text: string): string[] {
  return parse(text).comments.map((comment) => comment.text.split(/\r?\n/).map((line) => line.trimEnd()).join("\n"));
}

async function format(text: string): Promise<string> {
  const result = await formatText(text);
  if (!result.ok) throw new Error(`did not format: ${result.diagnostics.map((diagnostic) => diagnostic.message).join("; ")}\n${text}`);
  return result.formatted;
}

/** The diagnostics, without positions (in messages too), as a sorted list. */
function findings(text: string): string[] {
  return checkText(text).diagnostics
    .map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message.replace(/\bline \d+/g, "line N").replace(/\d+:\d+/g, "L:C")}`)
    .sort();
}

const runs = Number(process.env.SCNC_PROPERTY_RUNS ?? 300);
/** Room for SCNC_PROPERTY_RUNS=5000 and the like. */
const timeout = Math.max(20_000, runs * 30);

describe("formatting generated networks", () => {
  it("the generators make text that parses", () => {
    fc.assert(fc.property(scnFile, tidyFile, (file, tidy) => {
      expect(parse(file.text).syntaxErrors).toEqual([]);
      expect(parse(tidy).syntaxErrors).toEqual([]);
    }), { numRuns: 200 });
  });

  it("keeps every diagnostic of a file laid out by hand, suppressions included", async () => {
    await fc.assert(fc.asyncProperty(tidyFile, async (text) => {
      const once = await format(text);
      expect(await format(once)).toBe(once);
      expect(findings(once)).toEqual(findings(text));
    }), { numRuns: runs });
  }, timeout);

  it("is idempotent, keeps the meaning and keeps every comment", async () => {
    await fc.assert(fc.asyncProperty(scnFile, async (file) => {
      const once = await format(file.text);
      expect(parse(once).syntaxErrors).toEqual([]);
      expect(await format(once)).toBe(once);
      expect(meaning(once)).toBe(meaning(file.text));
      // Sorted: a line comment written inside a one-line item moves before the item, ahead of
      // block comments written earlier in that item (docs/formatting.md).
      expect(commentsOf(once).sort()).toEqual(commentsOf(file.text).sort());
      expect(parse(file.text).comments.map((comment) => comment.text)).toEqual(file.comments);
    }), { numRuns: runs });
  }, timeout);
});
