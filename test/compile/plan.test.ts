import { describe, expect, it } from "vitest";
import { outputChanges, type ExistingOutput } from "../../src/compile/changes.js";
import type { CompiledNetwork } from "../../src/compile/documents.js";
import { renderOutput, type RenderedOutput } from "../../src/compile/output.js";
import { renderPlan } from "../../src/compile/plan.js";
import { network } from "../support/networks.js";
import { compileText } from "./compile-text.js";
import { hqAndEast } from "./fixtures.js";

const { servers, offices, links } = hqAndEast;

function rendered(compiled: CompiledNetwork, secretsResolved = false): RenderedOutput {
  return renderOutput(compiled, { format: "json", scncVersion: "1.0.0", secretsResolved });
}

/** The directory as a previous build of `output` left it. */
function builtFrom(output: RenderedOutput): ExistingOutput {
  return {
    manifestText: output.manifest.content,
    ownedPaths: output.devices.map((file) => file.path),
    files: new Map(output.devices.map((file) => [file.path, file.content])),
  };
}

const before = rendered(compileText(network({ servers, offices, links })));
const plan = (after: RenderedOutput, existing = builtFrom(before)) =>
  renderPlan(outputChanges(existing, after), { directory: "out", format: "json", color: false, runbookCommand: "scnc runbook net.scn --from out" });

describe("outputChanges", () => {
  it("finds nothing when the directory holds what build would write", () => {
    expect(outputChanges(builtFrom(before), before)).toEqual([]);
  });

  it("creates everything, manifest last, in an empty directory", () => {
    expect(outputChanges({ ownedPaths: [], files: new Map() }, before).map((change) => [change.kind, change.path])).toEqual([
      ["created", "offices/east.json"], ["created", "offices/hq.json"], ["created", "servers/vm-east.json"],
      ["created", "servers/vm-hq.json"], ["created", "manifest.json"],
    ]);
  });

  it("removes only owned files that still exist", () => {
    const after = rendered(compileText(network({ servers: [servers[0]!], offices: [offices[0]!] })));
    const existing = builtFrom(before);
    const withoutEast = { ...existing, files: new Map([...existing.files].filter(([path]) => path !== "offices/east.json")) };
    expect(outputChanges(withoutEast, after).map((change) => [change.kind, change.path]))
      .toEqual([["changed", "offices/hq.json"], ["removed", "servers/vm-east.json"], ["changed", "manifest.json"]]);
  });
});

describe("renderPlan", () => {
  it("says so when nothing would change", () => {
    expect(plan(before)).toBe("No changes: out is up to date.\n");
  });

  it("shows a line per device, the changed fields, unified diffs and a total", () => {
    const after = rendered(compileText(network({
      servers: [
        servers[0]!,
        'server vm-east { role distributed address 10.2.0.20 mail-domain "vm-east.example.com" }',
        'server vm-west { role distributed address 10.5.0.10 mail-domain "vm-west.example.com" }',
      ],
      offices: [offices[0]!, "office east { address 10.2.0.1 voicemail vm-east licenses { preferred-edition } }",
        "office west { address 10.5.0.1 voicemail vm-west licenses { preferred-edition } }"],
      links: [...links, "link hq -- west { group-id 105 }"],
    })));
    const text = plan(after);
    const [summary, fields] = text.split("\n\n");
    expect(summary).toBe([
      "~ office east (changed)", "~ office hq (changed)", "+ office west (created)",
      "~ server vm-east (changed)", "+ server vm-west (created)",
    ].join("\n"));
    expect(fields).toContain("office east: voicemail.voicemailIpAddress 10.2.0.10 → 10.2.0.20 (not mergeable: needs a Reboot)");
    expect(fields).toContain("office hq: lines[lineNumber=18] (none) → {");
    expect(fields).toContain("server vm-east: address 10.2.0.10 → 10.2.0.20");
    expect(fields).not.toContain("vm-west");
    expect(text).toContain("--- out/offices/east.json\n+++ out/offices/east.json\n@@");
    expect(text).toContain('-    "voicemailIpAddress": "10.2.0.10",\n+    "voicemailIpAddress": "10.2.0.20",');
    expect(text).toContain("--- /dev/null\n+++ out/servers/vm-west.json");
    expect(text.trimEnd().split("\n").slice(-2)).toEqual([
      "Plan: 2 to create, 3 to change, 0 to remove.",
      "To make this change on the devices, in a safe order: scnc runbook net.scn --from out",
    ]);
  });

  it("shows removed devices with a diff to /dev/null", () => {
    const after = rendered(compileText(network({ servers: [servers[0]!], offices: [offices[0]!] })));
    const text = plan(after);
    expect(text).toMatch(/^- office east \(removed\)\n~ office hq \(changed\)\n- server vm-east \(removed\)\n/);
    expect(text).toContain("--- out/offices/east.json\n+++ /dev/null");
  });

  it("reports a change of scnc version alone as a change of the manifest", () => {
    const after = renderOutput(compileText(network({ servers, offices, links })), { format: "json", scncVersion: "2.0.0", secretsResolved: false });
    expect(plan(after)).toBe("~ manifest.json (changed)\n\nmanifest.json: scncVersion 1.0.0 → 2.0.0\n\nPlan: 0 to create, 0 to change, 0 to remove.\n" +
      "To make this change on the devices, in a safe order: scnc runbook net.scn --from out\n");
  });

  it("never shows a password, old or new, but shows that it changed", () => {
    const text = network({ servers, offices, links, properties: ['voicemail-password env "VM_PW"'] });
    const old = rendered(compileText(text, "old-Secret-1"), true);
    const changed = plan(rendered(compileText(text, "new-Secret-2"), true), builtFrom(old));
    expect(changed).not.toMatch(/old-Secret-1|new-Secret-2/);
    expect(changed).toContain("office hq: security.voicemailPassword (secret 1) → (secret 2)");
    expect(changed).toContain('-      "voicemailPassword": "(secret 1)"\n+      "voicemailPassword": "(secret 2)"');
    const toReference = plan(rendered(compileText(text, { env: "VM_PW" })), builtFrom(old));
    expect(toReference).not.toContain("old-Secret-1");
    expect(toReference).toContain('office hq: security.voicemailPassword (secret 1) → {"env":"VM_PW"}');
  });

  it("redacts passwords in a hand-edited file that is not valid JSON", () => {
    const existing = builtFrom(before);
    const broken = new Map(existing.files).set("offices/hq.json", '{ "security": { "voicemailPassword" :\n "hand-Typed-3" ');
    const text = plan(before, { ...existing, files: broken });
    expect(text).not.toContain("hand-Typed-3");
    expect(text).toContain("office hq: the file in the output directory is not valid JSON");
  });
});
