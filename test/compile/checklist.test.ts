import { describe, expect, it } from "vitest";
import { officeChecklist } from "../../src/compile/checklist/office.js";
import { serverChecklist } from "../../src/compile/checklist/server.js";
import { network } from "../support/networks.js";
import { compileText, officeOf, serverOf } from "./compile-text.js";

const text = network({
  release: "8.1",
  servers: [
    'server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" failback automatic 10 }',
    'server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }',
  ],
  offices: [
    "office hq { role central address 10.0.0.1 licenses { preferred-edition ums 5 } }",
    "office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }",
    "office branch { address 10.3.0.1 }",
  ],
  links: ["link hq -- dr { group-id 100 }", "link dr -- branch { group-id 102 }"],
});
const compiled = compileText(text, { env: "VM_PASSWORD" });

function steps(markdown: string): string[] {
  return markdown.split("\n").filter((line) => /^\d+\. /.test(line));
}

function stepAbout(markdown: string, field: string): string {
  const step = steps(markdown).find((line) => line.includes(field));
  if (!step) throw new Error(`no step about ${field}`);
  return step;
}

describe("office checklist", () => {
  const hq = officeChecklist(officeOf(compiled, "hq"));
  const branch = officeChecklist(officeOf(compiled, "branch"));

  it("numbers its steps 1, 2, 3 … across the whole document", () => {
    expect(steps(hq).map((line) => Number(line.split(".")[0]))).toEqual(steps(hq).map((_line, index) => index + 1));
  });

  it("follows Manager's menu order: System > Voicemail, Security, Lines, Licences", () => {
    expect(hq.split("\n").filter((line) => line.startsWith("## "))).toEqual([
      "## System > Voicemail", "## Security > System", "## Lines", "## Licences",
    ]);
    expect(stepAbout(hq, "Voicemail Type")).toMatch(/^1\. System > Voicemail > Voicemail Type: \*\*Voicemail Pro\*\*/);
  });

  it("gives each setting its value", () => {
    expect(stepAbout(hq, "Voicemail IP Address")).toContain("**10.0.0.10**");
    expect(stepAbout(hq, "Backup Voicemail IP Address")).toContain("**10.1.0.10**");
    expect(stepAbout(branch, "Voicemail Destination")).toContain("**102**");
    expect(stepAbout(hq, "Line Number")).toContain("Line > New > IP Office Line: Line Number **17**, to office **dr**");
    expect(hq).toContain("   - Networking Level: **SCN**");
    expect(hq).toContain("   - SCN Resiliency Options: Supports Resiliency **ticked**; Backs up my Voicemail **ticked**");
    expect(stepAbout(hq, "UMS")).toContain("License > UMS: quantity **5**");
  });

  it("marks values DOMAIN.md calls inferred, and only those", () => {
    expect(stepAbout(hq, "Voicemail Type")).toContain("*(inferred)*");
    expect(stepAbout(branch, "Voicemail Destination")).toContain("*(inferred)*");
    expect(stepAbout(officeChecklist(officeOf(compiled, "dr")), "Voicemail IP Address")).toContain("*(inferred)*");
    expect(stepAbout(hq, "Voicemail IP Address")).not.toContain("*(inferred)*");
    expect(stepAbout(hq, "Backup Voicemail IP Address")).not.toContain("*(inferred)*");
    expect(stepAbout(hq, "License")).not.toContain("*(inferred)*");
  });

  it("notes that Voicemail Type and Voicemail IP Address need an offline edit and a reboot", () => {
    expect(stepAbout(hq, "Voicemail Type")).toContain("offline edit and reboot");
    expect(stepAbout(hq, "Voicemail IP Address")).toContain("offline edit and reboot");
    expect(stepAbout(hq, "Voicemail Destination")).not.toContain("offline");
  });

  it("says where the password comes from, never what it is", () => {
    expect(stepAbout(hq, "Voicemail Password")).toContain("the value of the environment variable `VM_PASSWORD`");
    const resolved = compileText(text, "s3cret-Value-9");
    expect(officeChecklist(officeOf(resolved, "hq"))).not.toContain("s3cret-Value-9");
    expect(serverChecklist(serverOf(resolved, "vm-hq"))).not.toContain("s3cret-Value-9");
  });

  it("has no Backup Voicemail IP Address step below R6.0, where the field does not exist", () => {
    const r5 = compileText(text.replace("release 8.1", "release 5.0").replace(/  server vm-dr .*\n/, ""));
    expect(officeChecklist(officeOf(r5, "hq"))).not.toContain("Backup Voicemail IP Address");
  });

  it("asks, on the central end of an H.323 fallback line, for the SCN Backup Options voicemail checkbox (DOMAIN.md §3.1 (a))", () => {
    const r6 = compileText(text.replace("release 8.1", "release 6.0"));
    const central = officeChecklist(officeOf(r6, "hq"));
    expect(central).toContain("   - Supplementary Services: **IP Office SCN - Fallback**");
    expect(central).toContain("   - SCN Backup Options: Backs up my Voicemail **ticked** *(inferred)*");
    expect(officeChecklist(officeOf(r6, "dr"))).not.toContain("SCN Backup Options");
    expect(officeChecklist(officeOf(r6, "branch"))).not.toContain("SCN Backup Options");
  });

  it("explains an H.323 line on an R8+ office: the lower release of the two ends decides", () => {
    const mixed = compileText(text.replace("office dr { role fallback", "office dr { role fallback release 7.0"));
    const central = officeChecklist(officeOf(mixed, "hq"));
    expect(stepAbout(central, "to office **dr**")).toContain("Line > New > H.323 Line");
    expect(central).toContain("   - Line type: H.323, not IP Office Line, because office **dr** is below release 8.0");
    expect(officeChecklist(officeOf(mixed, "dr"))).not.toContain("Line type:");
    expect(officeChecklist(officeOf(compiled, "hq"))).not.toContain("Line type:");
  });

  it("names Manager's older Voicemail Type labels below R6.0 (DOMAIN.md §3.1, rule 13; S5)", () => {
    const r5 = compileText(text.replace("release 8.1", "release 5.0").replace(/  server vm-dr .*\n/, ""));
    expect(stepAbout(officeChecklist(officeOf(r5, "branch")), "Voicemail Type"))
      .toContain("**Centralized Voicemail** (R5 Manager labels it **Line**) *(inferred)*");
    expect(stepAbout(officeChecklist(officeOf(r5, "hq")), "Voicemail Type")).toContain("(older Manager labels it **Voicemail Lite/Pro**)");
    expect(stepAbout(branch, "Voicemail Type")).not.toContain("labels it");
  });

  it("warns a fallback office below 6.0 that it cannot switch to the network's backup server", () => {
    const mixed = compileText(text.replace("release 8.1", "release 6.0")
      .replace("office dr { role fallback", "office dr { role fallback release 5.0")
      .replace("licenses { preferred-edition } }", "licenses { voicemail-pro } }"));
    const fallback = officeChecklist(officeOf(mixed, "dr"));
    expect(fallback).not.toContain("System > Voicemail > Backup Voicemail IP Address");
    expect(fallback).toContain("cannot switch to the backup server **10.1.0.10** when the central office and the central server are both down");
    expect(officeChecklist(officeOf(mixed, "hq"))).not.toContain("cannot switch");
  });

  it("escapes Markdown in the network name", () => {
    const named = compileText(text.replace('network "Test"', 'network "Acme *East* [1]"'));
    expect(officeChecklist(officeOf(named, "hq"))).toContain("- Network: Acme \\*East\\* \\[1\\]");
  });
});

describe("server checklist", () => {
  const central = serverChecklist(serverOf(compiled, "vm-hq"));
  const backup = serverChecklist(serverOf(compiled, "vm-dr"));

  it("follows the Voicemail Pro client's Preferences: General, then Email", () => {
    expect(central.split("\n").filter((line) => line.startsWith("## "))).toEqual(["## Preferences > General", "## Preferences > Email"]);
    expect(stepAbout(central, "Failback Option:")).toContain("Administration > Preferences > General > Failback Option: **Automatic** *(inferred)*");
    expect(stepAbout(central, "timeout")).toContain("**10** minutes");
  });

  it("sets the SMTP sender and receiver, and marks the inferred sync recipient", () => {
    expect(stepAbout(central, "SMTP Sender")).toContain("**vm-hq.example.com**");
    expect(stepAbout(central, "SMTP Receiver")).toContain("**Distributed/Primary/Backup Voicemail**, Domain **vm-hq.example.com**");
    expect(stepAbout(central, "vmsyncslave")).toContain("*(inferred)*");
    expect(stepAbout(backup, "vmsyncmaster@vm-hq.example.com")).toContain("**vm-hq**");
  });

  it("marks the SMTP Receiver mode inferred except on Windows, where DOMAIN.md rule 34 gives it", () => {
    expect(stepAbout(central, "SMTP Receiver")).toContain("*(inferred)*");
    const windows = compileText(text.replace("server vm-hq { role central", "server vm-hq { role central platform windows"));
    expect(stepAbout(serverChecklist(serverOf(windows, "vm-hq")), "SMTP Receiver")).not.toContain("*(inferred)*");
  });

  it("says the Failback Option matters only with a backup server when there is none", () => {
    expect(stepAbout(central, "Failback Option:")).not.toContain("matters only");
    const alone = compileText(text.replace(/  server vm-dr .*\n/, "").replace(" failback automatic 10", ""));
    expect(stepAbout(serverChecklist(serverOf(alone, "vm-hq")), "Failback Option:"))
      .toContain("**Graceful** (it matters only with a backup server, and this network has none) *(inferred)*");
  });

  it("leaves failback steps off servers other than the central one", () => {
    expect(backup).not.toContain("Failback");
  });
});
