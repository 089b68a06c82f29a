import type { Link, Office, Release } from "../../ir/types.js";
import { releaseBelow } from "../../ir/values.js";
import { releaseOf, type CompileContext } from "../context.js";
import type { Line, OfficeDocument } from "../documents.js";
import { lineLinks } from "../lines.js";
import { licenseLabel } from "../manager-labels.js";
import { declaredLicenses } from "../office.js";
import { passwordSetting, setting, spansOf, StepList } from "./build.js";
import type { Step, StepDevice, StepSetting } from "./model.js";

const VOICEMAIL = ["System", "Voicemail"];
/** S35: File > Advanced > Security Settings; S34: System > Unsecured Interfaces > Voicemail Password. */
export const SECURITY_PATH = ["File", "Advanced", "Security Settings", "System", "Unsecured Interfaces"];

function instances(quantity: number): string {
  return `${quantity} ${quantity === 1 ? "instance" : "instances"}`;
}

/** A licence is added as a key (S37), under the name Manager shows for the office's release. */
function licenceSteps(list: StepList, office: Office, release: Release): void {
  for (const license of declaredLicenses(office)) {
    const label = licenseLabel(license.kind, release);
    list.add({
      id: `licence:${license.kind}`,
      tool: "Manager",
      changeClass: "merge",
      section: "licences",
      menuPath: ["License", "Add"],
      action: `enter the key of the ${label.name} licence (${instances(license.quantity)})`,
      settings: [],
      inferred: label.inferred,
      sources: [...label.sources, "S37"],
      spans: [license.span],
    });
  }
}

/** Before R8 an SCN line is an H323 Line whose VoIP Settings tab holds the Supplementary Services
 * (S1, S16, rule 52); from R8 an IP Office Line with Networking Level SCN (S21). */
function lineSettings(line: Line, source: { link: Link; peer: Office } | undefined, document: OfficeDocument, office: Office): { settings: StepSetting[]; notes: string[] } {
  const link = source?.link;
  const peer = source?.peer;
  const linkSpans = link ? [link.span] : [];
  const voip = line.lineType === "H.323" ? "VoIP Settings" : "Transport";
  const settings = [
    setting("Line Number", line.lineNumber, { tab: "Line", sources: ["S21", "S33"], spans: linkSpans,
      note: "1–16 are kept for hardware on IP500 V2" }),
    setting("Gateway IP Address", line.peerAddress, { tab: voip, inferred: true, spans: spansOf(peer?.address),
      ...(line.peerAddress === null ? { note: "no address declared for the office at the other end" } : {}) }),
  ];
  const notes: string[] = [];
  if (line.lineType === "H.323") {
    settings.push(setting("Supplementary Services", line.supplementaryServices, { tab: "VoIP Settings", sources: ["S1", "S17"], spans: linkSpans }));
    if (line.supplementaryServices === "IP Office SCN - Fallback" && document.role === "central") {
      settings.push(setting("SCN Backup Options > Backs up my Voicemail", true, { tab: "VoIP Settings", inferred: true, sources: ["S17"], spans: linkSpans,
        note: "this system asks its fallback office to take control of its Voicemail Pro server" }));
    }
    const release = releaseOf(office);
    if (!releaseBelow(release, 8)) {
      notes.push(`H323 Line, not IP Office Line, because office ${line.peer} is below release 8.0 and the lower release of the two ends decides (inferred)`);
    }
  } else {
    settings.push(setting("Networking Level", line.networkingLevel, { tab: "Line", sources: ["S21"], spans: linkSpans }));
    if (line.scnResiliency) {
      settings.push(setting("SCN Resiliency Options > Supports Resiliency", line.scnResiliency.supportsResiliency, { tab: "Line", sources: ["S18"], spans: linkSpans }));
      settings.push(setting("SCN Resiliency Options > Backs up my Voicemail", line.scnResiliency.backsUpMyVoicemail, {
        tab: "Line", sources: ["S18"], spans: linkSpans,
        ...(line.scnResiliency.backsUpMyVoicemail ? { note: "this system asks its fallback office to back it up" } : {}),
      }));
    }
  }
  settings.push(setting("Outgoing Group ID", line.outgoingGroupId, { tab: "Line", sources: ["S14", "S21"], spans: spansOf(link?.groupId),
    ...(line.outgoingGroupId === null ? { note: "none declared" } : {}) }));
  return { settings, notes };
}

function lineSteps(list: StepList, document: OfficeDocument, office: Office): void {
  const links = lineLinks(office);
  for (const [index, line] of document.lines.entries()) {
    const { settings, notes } = lineSettings(line, links[index], document, office);
    const h323 = line.lineType === "H.323";
    list.add({
      // Line numbers are stable across builds (line-numbers.ts), and two links may join the same pair.
      id: `line:${line.lineNumber}`,
      tool: "Manager",
      changeClass: "merge",
      section: "lines",
      menuPath: ["Line", "New", h323 ? "H323 Line" : "IP Office Line"],
      action: `to office ${line.peer}`,
      settings,
      notes,
      sources: h323 ? ["S1"] : ["S21"],
    });
  }
}

/** An SNTP time source on every office of a network with distributed servers (S7); Manager's field
 * labels are inferred. */
function timeStep(list: StepList, context: CompileContext): void {
  const distributed = context.network.servers.filter((server) => !server.isDuplicate && server.role?.value === "distributed");
  if (distributed.length === 0) return;
  const spans = distributed.flatMap((server) => spansOf(server.role));
  list.add({
    id: "system:sntp",
    tool: "Manager",
    changeClass: "merge",
    section: "system",
    menuPath: ["System", "System"],
    settings: [
      setting("Time Setting Config Source", "SNTP", { inferred: true, sources: ["S7"], spans }),
      setting("Time Server IP Address", null, { inferred: true, sources: ["S7"], spans,
        note: "the network's time server, the same on every office: distributed servers stamp messages with the users' local time" }),
    ],
  });
}

/** Below 6.0 Manager may show older labels: "Line" for the centralized type in the R5 manual (S5),
 * "Voicemail Lite/Pro" for the central office's type (DOMAIN.md §3.1 (a), (c), rule 13). */
function olderTypeLabel(document: OfficeDocument, release: Release): string | undefined {
  if (!releaseBelow(release, 6)) return undefined;
  if (document.voicemail.voicemailType === "Centralized Voicemail") return "R5 Manager labels it Line";
  if (document.voicemail.voicemailType === "Voicemail Pro") return "older Manager labels it Voicemail Lite/Pro";
  return undefined;
}

function voicemailTypeSetting(document: OfficeDocument, office: Office, release: Release): StepSetting {
  const older = olderTypeLabel(document, release);
  // Every Voicemail Type label is inferred except the R5 "Line" wording (DOMAIN.md §3.1); S20 lists the field.
  return setting("Voicemail Type", document.voicemail.voicemailType, {
    inferred: true,
    sources: document.voicemail.voicemailType === "Centralized Voicemail" && older ? ["S5", "S20"] : ["S20"],
    spans: [office.roleSpan ?? office.nameSpan, ...spansOf(office.voicemail)],
    ...(older ? { note: older } : {}),
  });
}

/** The central office holds the servers' addresses (S2 p55, S4); a distributed member names its own
 * server (DOMAIN.md §3.1 (d), inferred); offices on Centralized Voicemail set neither. */
function addressSettings(document: OfficeDocument, office: Office, release: Release, context: CompileContext): { reboot: StepSetting[]; merge: StepSetting[] } {
  const { voicemail, role } = document;
  const { centralServer, backupServer } = context.roles;
  if (role === "central") {
    const merge = releaseBelow(release, 6) ? [] : [setting("Backup Voicemail IP Address", voicemail.backupVoicemailIpAddress, {
      sources: ["S2", "S4"], spans: spansOf(backupServer?.address), ...(voicemail.backupVoicemailIpAddress === null ? { note: "leave blank: the network has no backup server" } : {}),
    })];
    return {
      reboot: [setting("Voicemail IP Address", voicemail.voicemailIpAddress, { sources: ["S2", "S5", "S20"], spans: spansOf(centralServer?.address),
        ...(voicemail.voicemailIpAddress === null ? { note: "no address declared for the central server" } : {}) })],
      merge,
    };
  }
  if (role === "distributed-member") {
    const server = office.voicemail?.server;
    return {
      reboot: [setting("Voicemail IP Address", voicemail.voicemailIpAddress, { inferred: true, sources: ["S4", "S20"], spans: spansOf(server?.address, office.voicemail),
        ...(voicemail.voicemailIpAddress === null ? { note: "no address declared for its distributed server" } : {}) })],
      merge: [],
    };
  }
  const why = role === "fallback"
    ? "leave it as it is: with Centralized Voicemail the central office holds the servers' addresses, and this office takes control of the central server through its fallback line"
    : "leave it as it is: not used with Centralized Voicemail (the central office holds the servers' addresses)";
  return { reboot: [], merge: [setting("Voicemail IP Address", null, { inferred: true, sources: role === "fallback" ? ["S2", "S17", "S18"] : ["S2"], note: why })] };
}

function destinationSetting(document: OfficeDocument, office: Office, context: CompileContext): StepSetting {
  const destination = document.voicemail.voicemailDestination;
  const hop = context.firstHops[office.index];
  const note = destination !== null
    ? "the Outgoing Group ID of the first line toward the central office"
    : document.role === "central" ? "leave blank: not used on the central office" : "no line leads to the central office";
  return setting("Voicemail Destination", destination, { inferred: true, spans: spansOf(hop?.groupId), note });
}

/** A fallback office below 6.0 in a network with a backup server: backup servers arrived with 6.0
 * (S2), so nothing documents it taking control of one when the central office and the central
 * server are both down (S8). */
function fallbackNotes(document: OfficeDocument, release: Release, context: CompileContext): string[] {
  const backup = context.roles.backupServer;
  if (document.role !== "fallback" || !backup || !releaseBelow(release, 6)) return [];
  return [`Backup servers need release 6.0 (S2): no document says this office can take control of the backup server ${backup.name} ` +
    "when the central office and the central server are both down (S8); upgrade it to 6.0 or later for that (inferred)"];
}

function voicemailSteps(list: StepList, document: OfficeDocument, office: Office, context: CompileContext): void {
  const release = releaseOf(office);
  const addresses = addressSettings(document, office, release, context);
  const fields = [
    { setting: voicemailTypeSetting(document, office, release), reboot: true },
    ...addresses.reboot.map((item) => ({ setting: item, reboot: true })),
    ...addresses.merge.map((item) => ({ setting: item, reboot: false })),
    { setting: destinationSetting(document, office, context), reboot: false },
  ];
  const notes = fallbackNotes(document, release, context);
  fields.forEach((field, index) => list.add({
    id: `voicemail:${field.setting.label.toLowerCase().replaceAll(" ", "-")}`,
    tool: "Manager",
    // Voicemail Type and Voicemail IP Address are the fields that need a reboot (S20).
    changeClass: field.reboot ? "reboot" : "merge",
    section: "system-voicemail",
    menuPath: VOICEMAIL,
    settings: [field.setting],
    notes: index === fields.length - 1 ? notes : [],
  }));
}

/**
 * Sending the configuration, once, after every Manager step before it: with Reboot when one of them
 * is not mergeable, else with Merge (S36; S20 for the fields that need a reboot). The runbook calls
 * this with the steps it keeps, so a change of mergeable fields alone is sent with Merge.
 */
export function sendStep(device: StepDevice, before: readonly Step[]): Step {
  const reboot = before.filter((step) => step.changeClass === "reboot");
  const fields = [...new Set(reboot.flatMap((step) => step.settings.map((item) => item.label)))];
  return {
    id: "send",
    device,
    tool: "Manager",
    changeClass: reboot.length > 0 ? "reboot" : "merge",
    section: "send",
    menuPath: ["File", "Save Configuration"],
    action: reboot.length > 0
      ? `send the configuration once, with Reboot: ${fields.join(" and ")} ${fields.length === 1 ? "is" : "are"} not mergeable`
      : "send the configuration with Merge: every change above is mergeable",
    settings: [],
    notes: [],
    inferred: false,
    sources: reboot.length > 0 ? ["S20", "S36"] : ["S36"],
    spans: [],
  };
}

/** The Voicemail Password, on the running system once the configuration is in: Security Settings
 * are edited online only (S35), at System > Unsecured Interfaces (S34), and must match the servers'
 * (S9). Only the offices a server connects to get it (DOMAIN.md rule 49). */
function securityStep(list: StepList, document: OfficeDocument, context: CompileContext): void {
  if (!document.security) return;
  list.add({
    id: "security:voicemail-password",
    tool: "Security Settings",
    changeClass: "online",
    section: "security",
    menuPath: SECURITY_PATH,
    // Which offices need it is inferred beyond the central one (DOMAIN.md rule 38).
    settings: [passwordSetting(document.security.voicemailPassword, context.network,
      { inferred: document.role !== "central", sources: ["S9", "S34", "S35"], sameAs: "on the Voicemail Pro server" })],
    notes: ["after the configuration has been sent and the system is running: Security Settings are edited online only, never in an offline configuration"],
  });
}

/** One office's steps, in the order of OUTPUT.md "Checklists". */
export function officeSteps(document: OfficeDocument, office: Office, context: CompileContext): Step[] {
  const device: StepDevice = { kind: "office", name: document.name };
  const list = new StepList(device);
  licenceSteps(list, office, releaseOf(office));
  lineSteps(list, document, office);
  timeStep(list, context);
  voicemailSteps(list, document, office, context);
  const manager = [...list.steps];
  const security = new StepList(device);
  securityStep(security, document, context);
  return [...manager, sendStep(device, manager), ...security.steps];
}
