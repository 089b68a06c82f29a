import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/format/format.js";

const examples = new URL("../../examples/", import.meta.url);
// acme.scn is LANGUAGE.md's example word for word, aligned columns and all; examples/broken/ holds
// syntax errors on purpose.
const canonical = readdirSync(examples).filter((name) => name.endsWith(".scn") && name !== "acme.scn");

describe("the shipped examples are in scnc fmt's layout", () => {
  it.each(canonical)("%s", async (name) => {
    const text = readFileSync(new URL(name, examples), "utf8");
    const result = await formatText(text);
    expect(result.ok && result.changed).toBe(false);
  });
});
