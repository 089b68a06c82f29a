import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import { repositoryRoot, runCli } from "../support/cli.js";

/** Every example's failure matrix, as users read it (re-accept with UPDATE_GOLDEN=1). */
const examples = readdirSync(`${repositoryRoot}/examples`).filter((name) => name.endsWith(".scn")).sort();

describe("scnc simulate --all on every example", () => {
  for (const example of examples) {
    it(example, async () => {
      const run = await runCli(["simulate", `examples/${example}`, "--all"]);
      // A broken example would print only its errors; the golden file then records that instead.
      const text = run.code === 0 ? run.stdout : `${run.stdout}[exit ${run.code}]\n${run.stderr}`;
      expectGolden(`${repositoryRoot}/test/golden/simulate/${example.replace(/\.scn$/, "")}.txt`, text);
    });
  }
});

it("keeps golden failure matrices only for examples that exist", () => {
  const expected = examples.map((example) => example.replace(/\.scn$/, ".txt"));
  expect(readdirSync(`${repositoryRoot}/test/golden/simulate`).sort()).toEqual(expected);
});
