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
      { licenses: [{ name: "UMS", quantity: 1 }], sync: { peer: "vm-dr" } },
      { licenses: [{ name: "UMS", quantity: 2 }, { name: "TTS", quantity: 5 }] },
    )).toEqual([
      { path: "licenses[0].quantity", before: 1, after: 2 },
      { path: "licenses[1]", after: { name: "TTS", quantity: 5 } },
      { path: "sync", before: { peer: "vm-dr" } },
    ]);
  });

  it("matches SCN lines by their number, so a deleted line is one removal, not every later line changed", () => {
    const line = (lineNumber: number, peer: string) => ({ lineNumber, peer });
    expect(fieldChanges(
      { lines: [line(17, "a"), line(18, "b"), line(19, "c")] },
      { lines: [line(18, "b"), line(19, "d"), line(20, "e")] },
    )).toEqual([
      { path: "lines[lineNumber=17]", before: line(17, "a") },
      { path: "lines[lineNumber=19].peer", before: "c", after: "d" },
      { path: "lines[lineNumber=20]", after: line(20, "e") },
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
