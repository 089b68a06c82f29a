import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { unmetPreconditions } from "../../src/compile/preconditions.js";
import { network } from "../support/networks.js";

describe("unmetPreconditions", () => {
  it("is empty for a network the compiler can handle", () => {
    expect(unmetPreconditions(checkText(network()).network)).toEqual([]);
  });

  it("still reports, as errors, precondition rules that the configuration turned off or down", () => {
    const text = network({ offices: ["office hq { role central voicemail vm-nowhere licenses { preferred-edition } }"] });
    const severities = { "unknown-reference": "off", "central-server-count": "warning" } as const;
    const { network: lowered } = checkText(text, { severities });
    const found = unmetPreconditions(lowered, severities);
    expect(found.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([["unknown-reference", "error"]]);
  });

  it("runs nothing when every precondition rule is at error severity (the normal run reported them)", () => {
    const text = network({ servers: [] });
    expect(unmetPreconditions(checkText(text).network)).toEqual([]);
  });

  it("still reports, as an error, a precondition finding that a suppression comment hid from the normal run", () => {
    const text = network({ offices: ["// scnc-disable-next-line unknown-reference\n  office hq { role central voicemail vm-nowhere licenses { preferred-edition } }"] });
    const { network: lowered, diagnostics } = checkText(text);
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === "unknown-reference")).toEqual([]);
    expect(unmetPreconditions(lowered).map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([["unknown-reference", "error"]]);
  });
});
