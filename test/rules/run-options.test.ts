import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { rulesById } from "../../src/rules/index.js";

// One office with no voicemail server and no central server: several rules report it.
const TEXT = 'network "Acme" {\n  release 11.1\n  office hq { address 10.0.0.1 }\n}\n';

function ids(options: Parameters<typeof checkText>[1]): string[] {
  return checkText(TEXT, options).diagnostics.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}`);
}

describe("the options of consecutive runs", () => {
  // runRules keeps the plan of its last run (rules and severities) for the next run with the same
  // objects: a run with other options must never see the previous run's.
  it("each run uses its own severities and rule list", () => {
    const all = ids({});
    expect(all.length).toBeGreaterThan(1);
    const [firstId] = (all[0] as string).split(":") as [string];
    const off = { [firstId]: "off" } as const;
    expect(ids({ severities: off })).not.toContain(all[0]);
    expect(ids({})).toEqual(all);
    expect(ids({ severities: { [firstId]: "info" } })).toContain(`${firstId}:info`);
    expect(ids({ severities: off })).not.toContain(all[0]);
    const only = rulesById.get(firstId);
    expect(ids({ rules: only ? [only] : [] })).toEqual([all[0]]);
    expect(ids({})).toEqual(all);
  });
});
