import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/parse.js";
import { scnFile, tidyFile } from "../support/arbitraries/syntactic-network.js";
import { commentsOf, findings, format, meaning } from "../fuzz/invariants/format.js";

// The formatter on networks that need not make sense; the fuzz property "format"
// (test/fuzz/properties.ts) holds it to the same invariants on realistic, near-valid and damaged files.

const runs = Number(process.env.SCNC_PROPERTY_RUNS ?? 300);
/** Room for SCNC_PROPERTY_RUNS=5000 and the like, and for a loaded 2-core machine (speed is measured in bench/). */
const timeout = Math.max(120_000, runs * 30);

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
