import { sourceById, type SourceId } from "../../src/sources/catalogue.js";
import { describe, expect, it } from "vitest";
import { sendStep } from "../../src/compile/steps/office.js";
import { stepSources, stepSpans } from "../../src/compile/steps/model.js";
import { network } from "../support/networks.js";
import { compileText, officeChecklistOf, serverChecklistOf, stepsOf } from "./compile-text.js";

const text = network({
  release: "8.1",
  properties: ['voicemail-password env "VM_PASSWORD"'],
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
const r6 = compileText(text.replace("release 8.1", "release 6.0"));
const r5 = compileText(text.replace("release 8.1", "release 5.0").replace(/  server vm-dr .*\n/, ""));

function steps(markdown: string): string[] {
  return markdown.split("\n").filter((line) => /^\d+\. /.test(line));
}

function stepAbout(markdown: string, field: string): string {
  const step = steps(markdown).find((line) => line.includes(field));
  if (!step) throw new Error(`no step about ${field}`);
  return step;
}

/** A step's line and its sub-items. */
function stepBlock(markdown: string, field: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => /^\d+\. /.test(line) && line.includes(field));
  if (start < 0) throw new Error(`no step about ${field}`);
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("   - "));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

/** The headings of the work (the closing Sources section is not part of it). */
function headings(markdown: string): string[] {
  return markdown.split("\n").filter((line) => line.startsWith("## ") && line !== "## Sources");
}

describe("office checklist", () => {
  const hq = officeChecklistOf(compiled, "hq");
  const dr = officeChecklistOf(compiled, "dr");
  const branch = officeChecklistOf(compiled, "branch");

  it("numbers its steps 1, 2, 3 … across the whole document", () => {
    expect(steps(hq).map((line) => Number(line.split(".")[0]))).toEqual(steps(hq).map((_line, index) => index + 1));
  });

  it("orders the work as an engineer does it: licences, lines, System > Voicemail, send once, then Security Settings online", () => {
    expect(headings(hq)).toEqual([
      "## Licences", "## Lines", "## System > Voicemail", "## Send the configuration", "## Security Settings, online",
    ]);
    expect(stepAbout(hq, "Voicemail Type")).toMatch(/^4\. System > Voicemail > Voicemail Type: \*\*Voicemail Pro\*\*/);
  });

  it("adds each licence as a key under its Manager name, never as a quantity (S37)", () => {
    expect(stepAbout(hq, "UMS")).toBe("2. License > Add: enter the key of the UMS licence (5 instances) [S1, S12, S37]");
    expect(stepAbout(hq, "Preferred Edition")).toContain("enter the key of the Preferred Edition (Voicemail Pro) licence (1 instance)");
    expect(hq).not.toMatch(/quantity/i);
    const ports = compileText(text.replace("licenses { preferred-edition ums 5 }", "licenses { preferred-edition voicemail-ports 4 tts 2 }"));
    const central = officeChecklistOf(ports, "hq");
    // S12 gives the ports licence's name at R11.1; at 8.1 the same name is inferred, as is every TTS name.
    expect(stepAbout(central, "Ports")).toBe("2. License > Add: enter the key of the Preferred Edition Additional Voicemail Ports licence (4 instances) *(inferred)* [S11, S12, S37]");
    expect(stepAbout(central, "TTS")).toContain("*(inferred)*");
    const r11 = compileText(text.replace("release 8.1", "release 11.1").replace("licenses { preferred-edition ums 5 }", "licenses { preferred-edition voicemail-ports 4 }"));
    expect(stepAbout(officeChecklistOf(r11, "hq"), "Ports")).not.toContain("*(inferred)*");
    expect(stepAbout(officeChecklistOf(r5, "hq"), "licence")).toContain("enter the key of the Voicemail Pro licence (1 instance)");
  });

  it("gives each setting its value, with the tab that holds it", () => {
    expect(stepAbout(hq, "Voicemail IP Address")).toContain("**10.0.0.10**");
    expect(stepAbout(hq, "Backup Voicemail IP Address")).toContain("**10.1.0.10**");
    expect(stepAbout(branch, "Voicemail Destination")).toContain("**102**");
    expect(stepBlock(hq, "to office dr")).toBe([
      "3. Line > New > IP Office Line: to office dr [S14, S18, S21, S33]",
      "   - Line tab > Line Number: **17** (1–16 are kept for hardware on IP500 V2)",
      "   - Transport tab > Gateway IP Address: **10.1.0.1** *(inferred)*",
      "   - Line tab > Networking Level: **SCN**",
      "   - Line tab > SCN Resiliency Options > Supports Resiliency: **ticked**",
      "   - Line tab > SCN Resiliency Options > Backs up my Voicemail: **ticked** (this system asks its fallback office to back it up)",
      "   - Line tab > Outgoing Group ID: **100**",
    ].join("\n"));
  });

  it("names the line H323 Line before R8, with Supplementary Services on its VoIP Settings tab", () => {
    const central = officeChecklistOf(r6, "hq");
    expect(stepAbout(central, "to office dr")).toContain("Line > New > H323 Line: to office dr");
    expect(stepBlock(central, "to office dr")).toContain("   - VoIP Settings tab > Supplementary Services: **IP Office SCN - Fallback**");
    // Manager's label is "H323 Line" (a source title in the closing Sources section may spell it otherwise).
    expect(central.split("\n## Sources\n")[0]).not.toContain("H.323 Line");
  });

  it("marks values no source confirms as inferred, and only those", () => {
    expect(stepAbout(hq, "Voicemail Type")).toContain("*(inferred)*");
    expect(stepAbout(branch, "Voicemail Destination")).toContain("*(inferred)*");
    expect(stepAbout(hq, "Voicemail IP Address")).not.toContain("*(inferred)*");
    expect(stepAbout(hq, "Backup Voicemail IP Address")).not.toContain("*(inferred)*");
    expect(stepAbout(hq, "Preferred Edition")).not.toContain("*(inferred)*");
  });

  it("says which fields are not mergeable, and sends the configuration once with Reboot (S20, S36)", () => {
    expect(stepAbout(hq, "Voicemail Type")).toContain("not mergeable: needs a **Reboot**");
    expect(stepAbout(hq, "Voicemail IP Address")).toContain("not mergeable: needs a **Reboot**");
    expect(stepAbout(hq, "Voicemail Destination")).not.toContain("Reboot");
    expect(stepAbout(hq, "Save Configuration")).toBe(
      "8. File > Save Configuration: send the configuration once, with Reboot: Voicemail Type and Voicemail IP Address are not mergeable [S20, S36]");
    expect(hq).not.toMatch(/offline edit/i);
  });

  it("sends with Merge when every step kept is mergeable (the runbook keeps only the steps that change something)", () => {
    const mergeable = stepsOf(compiled, "office", "hq").filter((step) => step.changeClass === "merge");
    expect(sendStep({ kind: "office", name: "hq" }, mergeable)).toMatchObject({ changeClass: "merge", action: "send the configuration with Merge: every change above is mergeable" });
  });

  it("sets the Voicemail Password online in Security Settings, after the send step, on the offices a server connects to (S34, S35)", () => {
    const password = stepBlock(hq, "Voicemail Password");
    expect(password).toBe([
      "9. File > Advanced > Security Settings > System > Unsecured Interfaces > Voicemail Password: " +
        "the value of the environment variable `VM_PASSWORD` (the same as on the Voicemail Pro server) [S9, S34, S35]",
      "   - after the configuration has been sent and the system is running: Security Settings are edited online only, never in an offline configuration",
    ].join("\n"));
    expect(stepAbout(dr, "Voicemail Password")).toContain("Unsecured Interfaces > Voicemail Password");
    expect(branch).not.toContain("Voicemail Password");
    expect(branch).not.toContain("Security Settings,");
    const resolved = compileText(text, "s3cret-Value-9");
    expect(officeChecklistOf(resolved, "hq")).not.toContain("s3cret-Value-9");
    expect(serverChecklistOf(resolved, "vm-hq")).not.toContain("s3cret-Value-9");
  });

  it("tells fallback and member alike that Voicemail IP Address is not theirs to set, as their JSON says (S2, S17, S18)", () => {
    expect(stepAbout(dr, "Voicemail IP Address")).toContain("leave it as it is: with Centralized Voicemail the central office holds the servers' addresses");
    expect(stepAbout(branch, "Voicemail IP Address")).toContain("leave it as it is: not used with Centralized Voicemail");
    expect(dr).not.toContain("10.0.0.10");
    expect(dr).not.toContain("Backup Voicemail IP Address");
  });

  it("has no Backup Voicemail IP Address step below R6.0, where the field does not exist", () => {
    expect(officeChecklistOf(r5, "hq")).not.toContain("Backup Voicemail IP Address");
  });

  it("asks, on the central end of an H323 fallback line, for the SCN Backup Options voicemail checkbox (S17)", () => {
    expect(stepBlock(officeChecklistOf(r6, "hq"), "to office dr")).toContain(
      "   - VoIP Settings tab > SCN Backup Options > Backs up my Voicemail: **ticked** (this system asks its fallback office to take control of its Voicemail Pro server) *(inferred)*");
    expect(officeChecklistOf(r6, "dr")).not.toContain("SCN Backup Options");
    expect(officeChecklistOf(r6, "branch")).not.toContain("SCN Backup Options");
  });

  it("explains an H323 line on an R8+ office: the lower release of the two ends decides", () => {
    const mixed = compileText(text.replace("office dr { role fallback", "office dr { role fallback release 7.0"));
    const central = officeChecklistOf(mixed, "hq");
    expect(stepAbout(central, "to office dr")).toContain("Line > New > H323 Line");
    expect(stepBlock(central, "to office dr")).toContain("   - H323 Line, not IP Office Line, because office dr is below release 8.0");
    expect(officeChecklistOf(mixed, "dr")).not.toContain("not IP Office Line");
    expect(hq).not.toContain("not IP Office Line");
  });

  it("names Manager's older Voicemail Type labels below R6.0 (S5)", () => {
    expect(stepAbout(officeChecklistOf(r5, "branch"), "Voicemail Type"))
      .toContain("**Centralized Voicemail** (R5 Manager labels it Line) *(inferred)*");
    expect(stepAbout(officeChecklistOf(r5, "hq"), "Voicemail Type")).toContain("(older Manager labels it Voicemail Lite/Pro)");
    expect(stepAbout(branch, "Voicemail Type")).not.toContain("labels it");
  });

  it("warns a fallback office below 6.0 that nothing documents it taking control of the backup server", () => {
    const mixed = compileText(text.replace("release 8.1", "release 6.0")
      .replace("office dr { role fallback", "office dr { role fallback release 5.0")
      .replace("licenses { preferred-edition } }", "licenses { voicemail-pro } }"));
    expect(officeChecklistOf(mixed, "dr")).toContain("no document says this office can take control of the backup server vm-dr");
    expect(officeChecklistOf(mixed, "hq")).not.toContain("take control of the backup server");
  });

  it("gives every office an SNTP step when the network has a distributed server, and none otherwise (S7)", () => {
    expect(hq).not.toContain("SNTP");
    const distributed = compileText(text.replace("release 8.1", "release 8.1\n  server vm-b { role distributed address 10.3.0.10 mail-domain \"vm-b.example.com\" }")
      .replace("office branch { address 10.3.0.1 }", "office branch { address 10.3.0.1 voicemail vm-b licenses { preferred-edition } }"));
    for (const name of ["hq", "dr", "branch"]) {
      expect(stepBlock(officeChecklistOf(distributed, name), "System > System")).toContain("   - Time Setting Config Source: **SNTP** *(inferred)*");
    }
  });

  it("escapes Markdown in the network name", () => {
    const named = compileText(text.replace('network "Test"', 'network "Acme *East* [1]"'));
    expect(officeChecklistOf(named, "hq")).toContain("- Network: Acme \\*East\\* \\[1\\]");
  });
});

describe("server checklist", () => {
  const central = serverChecklistOf(compiled, "vm-hq");
  const backup = serverChecklistOf(compiled, "vm-dr");

  it("follows the Voicemail Pro client's Preferences: General, then Email", () => {
    expect(headings(central)).toEqual(["## Preferences > General", "## Preferences > Email"]);
    expect(stepAbout(central, "Failback Option:")).toBe("2. Administration > Preferences > General > Failback Option: **Automatic** *(inferred)* [S9, S10]");
    expect(stepAbout(central, "timeout")).toBe("3. Administration > Preferences > General > Failback Option timeout (minutes): **10** *(inferred)* [S10]");
  });

  it("sets the SMTP sender's server, port and domain, and the receiver, and marks the inferred sync recipient", () => {
    const sender = stepBlock(central, "SMTP Sender");
    expect(sender).toContain("   - Mail Domain: **vm-hq.example.com**");
    expect(sender).toContain("   - Server: the SMTP server this server sends its mail through *(inferred)*");
    expect(sender).toContain("   - Port: the port that SMTP server listens on (25 unless it was changed) *(inferred)*");
    expect(stepBlock(central, "SMTP Receiver")).toContain("   - Receiver: **Distributed/Primary/Backup Voicemail** *(inferred)*");
    expect(stepBlock(central, "SMTP Receiver")).toContain("   - Domain: **vm-hq.example.com**");
    expect(stepAbout(central, "vmsyncslave")).toContain("*(inferred)*");
    expect(stepAbout(backup, "vmsyncmaster@vm-hq.example.com")).toContain("reaches vm-hq");
  });

  it("installs the IIS SMTP service on R6/R7 Windows servers that exchange mail, and only there (S1, S23)", () => {
    const windows = compileText(text.replace("release 8.1", "release 7.0").replace("server vm-hq { role central", "server vm-hq { role central platform windows"));
    const r7 = serverChecklistOf(windows, "vm-hq");
    expect(headings(r7)[0]).toBe("## SMTP service");
    expect(stepAbout(r7, "IIS")).toBe("1. Windows: install the IIS SMTP service and set it to start automatically *(inferred)* [S1, S2, S3, S23]");
    expect(stepBlock(r7, "SMTP Sender")).toContain("   - Server: **localhost** (the IIS SMTP service on this PC) *(inferred)*");
    expect(stepBlock(r7, "SMTP Receiver")).toContain("   - Receiver: **Distributed/Primary/Backup Voicemail**\n");
    expect(central).not.toContain("IIS");
    const alone = compileText(text.replace("release 8.1", "release 7.0").replace(/  server vm-dr .*\n/, ""));
    expect(headings(serverChecklistOf(alone, "vm-hq"))).not.toContain("## SMTP service");
    const r8 = compileText(text.replace("server vm-hq { role central", "server vm-hq { role central platform windows"));
    expect(headings(serverChecklistOf(r8, "vm-hq"))).not.toContain("## SMTP service");
  });

  it("says the Failback Option matters only with a backup server when there is none", () => {
    expect(stepAbout(central, "Failback Option:")).not.toContain("matters only");
    const alone = compileText(text.replace("release 8.1", "release 12.2").replace(/  server vm-dr .*\n/, "").replace(" failback automatic 10", ""));
    expect(stepAbout(serverChecklistOf(alone, "vm-hq"), "Failback Option:"))
      .toContain("Failback Option: **Graceful** (it matters only with a backup server, and this network has none) *(inferred)*");
  });

  it("sets no Failback Option where the version has none (R6), nor unasked where no document settles it (7.0–12.1)", () => {
    const unasked = compileText(text.replace(" failback automatic 10", ""));
    expect(serverChecklistOf(unasked, "vm-hq")).not.toContain("Failback Option");
    const r6 = compileText(text.replace("release 8.1", "release 6.1"));
    expect(serverChecklistOf(r6, "vm-hq")).not.toContain("Failback Option");
  });

  it("leaves failback steps off servers other than the central one", () => {
    expect(backup).not.toContain("Failback");
  });
});

describe("checklist steps as data", () => {
  const all = compiled.steps.flatMap((device) => device.steps);

  it("gives each device its steps, with ids unique within the device", () => {
    expect(compiled.steps.map(({ device }) => `${device.kind} ${device.name}`)).toEqual(["office hq", "office dr", "office branch", "server vm-hq", "server vm-dr"]);
    for (const device of compiled.steps) {
      const ids = device.steps.map((step) => step.id);
      expect(new Set(ids).size, device.device.name).toBe(ids.length);
    }
  });

  it("names the tool and change class of every step", () => {
    expect(stepsOf(compiled, "office", "hq").map((step) => `${step.id} ${step.tool} ${step.changeClass}`)).toEqual([
      "licence:edition Manager merge",
      "licence:ums Manager merge",
      "line:17 Manager merge",
      "voicemail:voicemail-type Manager reboot",
      "voicemail:voicemail-ip-address Manager reboot",
      "voicemail:backup-voicemail-ip-address Manager merge",
      "voicemail:voicemail-destination Manager merge",
      "send Manager reboot",
      "security:voicemail-password Security Settings online",
    ]);
    expect(new Set(stepsOf(compiled, "server", "vm-hq").map((step) => `${step.tool} ${step.changeClass}`))).toEqual(new Set(["Voicemail Pro client server"]));
  });

  it("points each setting at the .scn text it comes from", () => {
    const spanText = (id: string, device = "hq") => {
      const step = stepsOf(compiled, "office", device).find((candidate) => candidate.id === id);
      return stepSpans(step!).map((span) => text.slice(span.start, span.end));
    };
    expect(spanText("voicemail:voicemail-ip-address")).toEqual(["address 10.0.0.10"]);
    expect(spanText("voicemail:backup-voicemail-ip-address")).toEqual(["address 10.1.0.10"]);
    expect(spanText("licence:ums")).toEqual(["ums 5"]);
    expect(spanText("voicemail:voicemail-destination", "branch")).toEqual(["group-id 102"]);
    expect(spanText("security:voicemail-password")).toEqual(['voicemail-password env "VM_PASSWORD"']);
  });

  it("gives every source a step cites its title, in a closing Sources section (catalogue order)", () => {
    for (const checklist of [officeChecklistOf(compiled, "hq"), serverChecklistOf(compiled, "vm-hq")]) {
      const [body, legend] = checklist.split("\n## Sources\n\n");
      const cited = [...new Set([...(body ?? "").matchAll(/\bS(\d+)\b/g)].map((match) => Number(match[1])))].sort((a, b) => a - b);
      expect(cited.length).toBeGreaterThan(0);
      expect((legend ?? "").trimEnd().split("\n")).toEqual(cited.map((id) => `- S${id}: ${sourceById(`S${id}` as SourceId).title.replace(/[\\`*_[\]<>#|!]/g, "\\$&")}`));
    }
  });

  it("cites only sources that exist (S1–S38), and holds no password", () => {
    for (const step of all) for (const id of stepSources(step)) expect(Number(id.slice(1)), `${step.id} cites ${id}`).toBeLessThanOrEqual(38);
    const resolved = compileText(text, "s3cret-Value-9");
    expect(JSON.stringify(resolved.steps)).not.toContain("s3cret-Value-9");
  });
});
