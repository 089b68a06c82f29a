import { describe, expect, it } from "vitest";
import { fieldChanges } from "../../src/compile/field-changes.js";

describe("fieldChanges", () => {
  it("names each changed leaf by its dotted path", () => {
    expect(fieldChanges(
      { voicemail: { voicemailIpAddress: "10.2.0.10", voicemailType: "Distributed Voicemail" } },
      { voicemail: { voicemailIpAddress: "10.2.0.20", voicemailType: "Distributed Voicemail" } },
    )).toEqual([{ path: "voicemail.voicemailIpAddress", before: "10.2.0.10", after: "10.2.0.20" }]);
  });

  it("walks arrays of objects item by item, and reports added and removed members", () => {
    expect(fieldChanges(
      { lines: [{ lineNumber: 17, outgoingGroupId: 100 }], sync: { peer: "vm-dr" } },
      { lines: [{ lineNumber: 17, outgoingGroupId: 110 }, { lineNumber: 18, outgoingGroupId: 5 }] },
    )).toEqual([
      { path: "lines[0].outgoingGroupId", before: 100, after: 110 },
      { path: "lines[1]", after: { lineNumber: 18, outgoingGroupId: 5 } },
      { path: "sync", before: { peer: "vm-dr" } },
    ]);
  });

  it("compares a list of names as one value", () => {
    expect(fieldChanges({ serves: ["east", "west"] }, { serves: ["west"] })).toEqual([{ path: "serves", before: ["east", "west"], after: ["west"] }]);
  });

  it("finds nothing in equal documents, and a change of type as one leaf", () => {
    expect(fieldChanges({ a: [{ b: 1 }] }, { a: [{ b: 1 }] })).toEqual([]);
    expect(fieldChanges({ password: { env: "A" } }, { password: "x" })).toEqual([{ path: "password", before: { env: "A" }, after: "x" }]);
  });
});
