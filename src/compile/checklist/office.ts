import { parseRelease, releaseBelow } from "../../ir/values.js";
import type { Release } from "../../ir/types.js";
import type { H323Line, Line, OfficeDocument, OfficeDocumentRole } from "../documents.js";
import { Checklist, escapeMarkdown, INFERRED, value } from "./markdown.js";
import { passwordInstruction } from "./password.js";

const ROLE_TEXT: Record<OfficeDocumentRole, string> = {
  central: "central office: hosts the central Voicemail Pro server",
  fallback: "fallback office: takes control of the central Voicemail Pro server when the central office fails",
  member: "member office on centralized voicemail",
  "distributed-member": "member office on a distributed Voicemail Pro server",
};

/** The office's release, when its document's text reads as one. */
function releaseOf(office: OfficeDocument): Release | undefined {
  const release = parseRelease(office.release);
  return release.ok ? release.value : undefined;
}

function addressOr(address: string | null, missing: string): string {
  return address === null ? missing : value(address);
}

/** Below 6.0 Manager may show older labels: "Line" for the centralized type in the R5 manual (S5),
 * "Voicemail Lite/Pro" for the central office's type (DOMAIN.md §3.1 (a), (c), rule 13). */
function olderLabel(office: OfficeDocument): string {
  const release = releaseOf(office);
  if (!release || !releaseBelow(release, 6)) return "";
  if (office.voicemail.voicemailType === "Centralized Voicemail") return ` (R5 Manager labels it ${value("Line")})`;
  if (office.voicemail.voicemailType === "Voicemail Pro") return ` (older Manager labels it ${value("Voicemail Lite/Pro")})`;
  return "";
}

function voicemailSteps(checklist: Checklist, office: OfficeDocument): void {
  const { voicemail, role } = office;
  const path = "System > Voicemail >";
  checklist.section("System > Voicemail");
  // DOMAIN.md §3.1: every Voicemail Type label is inferred except the R5 "Line" wording.
  checklist.add(`${path} Voicemail Type: ${value(voicemail.voicemailType)}${olderLabel(office)}`, { inferred: true, offline: true });
  if (role === "member") {
    checklist.add(`${path} Voicemail IP Address: not used with Centralized Voicemail`, { inferred: true });
  } else {
    // The fallback and distributed-member uses of this field are inferred (DOMAIN.md §3.1 (b), (d)).
    checklist.add(`${path} Voicemail IP Address: ${addressOr(voicemail.voicemailIpAddress, "no address declared for the server")}`, {
      inferred: role !== "central",
      offline: true,
    });
  }
  // The field exists from R6.0, with backup servers (DOMAIN.md §3.1 (a); S2, S4).
  const release = releaseOf(office);
  if (!release || !releaseBelow(release, 6)) {
    checklist.add(`${path} Backup Voicemail IP Address: ${addressOr(voicemail.backupVoicemailIpAddress, "leave blank")}`, {
      inferred: role === "fallback",
    });
  } else if (voicemail.backupVoicemailIpAddress !== null) {
    // A fallback office below 6.0 with a backup server in the network: it has nowhere to enter that
    // server, so the "central office and central server both down" case (S8) is lost.
    checklist.paragraph(`This release has no Backup Voicemail IP Address (it arrived with 6.0), so this office cannot ` +
      `switch to the backup server ${value(voicemail.backupVoicemailIpAddress)} when the central office and the central ` +
      `server are both down; upgrade it to 6.0 or later for that ${INFERRED}.`);
  }
  const destination = voicemail.voicemailDestination === null
    ? role === "central" ? "leave blank (not used on the central office)" : "no line leads to the central office"
    : `${value(voicemail.voicemailDestination)} (the Outgoing Group ID of the first line toward the central office)`;
  checklist.add(`${path} Voicemail Destination: ${destination}`, { inferred: true });
}

/** The H.323 details: on an R8+ office the line type needs a reason, and on the central end of the
 * central–fallback line the fallback office must be asked to back up voicemail (DOMAIN.md §3.1 (a),
 * rule 18: "IP Office SCN - Fallback with SCN Backup Options"; the voicemail checkbox is inferred). */
function h323Details(line: H323Line, office: OfficeDocument): string[] {
  const details = [`Supplementary Services: ${value(line.supplementaryServices)}`];
  const release = releaseOf(office);
  if (release && !releaseBelow(release, 8)) {
    details.push(`Line type: H.323, not IP Office Line, because office ${value(line.peer)} is below release 8.0 ` +
      "and the lower release of the two ends decides *(inferred)*");
  }
  if (line.supplementaryServices === "IP Office SCN - Fallback" && office.role === "central") {
    details.push(`SCN Backup Options: Backs up my Voicemail ${value("ticked")} *(inferred)* ` +
      "(this system asks its fallback office to take control of its Voicemail Pro server)");
  }
  return details;
}

function lineDetails(line: Line, office: OfficeDocument): string[] {
  const role = office.role;
  const details = [`Gateway IP Address: ${addressOr(line.peerAddress, "no address declared")} *(inferred label)*`];
  if (line.lineType === "H.323") details.push(...h323Details(line, office));
  else {
    details.push(`Networking Level: ${value(line.networkingLevel)}`);
    if (line.scnResiliency) {
      const backsUp = line.scnResiliency.backsUpMyVoicemail ? "ticked" : "not ticked";
      details.push(`SCN Resiliency Options: Supports Resiliency ${value("ticked")}; Backs up my Voicemail ${value(backsUp)}` +
        (role === "central" ? " (this system asks its fallback office to back it up)" : ""));
    }
  }
  details.push(`Outgoing Group ID: ${line.outgoingGroupId === null ? "none declared" : value(line.outgoingGroupId)}`);
  return details;
}

/** Manager's menu order: System > Voicemail, Security, Lines, Licences. */
export function officeChecklist(office: OfficeDocument): string {
  const checklist = new Checklist(`Office ${office.name}: IP Office Manager settings`)
    .paragraph([
      `- Network: ${escapeMarkdown(office.network)}`,
      `- Role: ${ROLE_TEXT[office.role]}`,
      `- Release: ${office.release}`,
      `- Address: ${office.address ?? "not declared"}`,
    ].join("\n"))
    .paragraph("Work through the steps in order; they follow IP Office Manager's menus. *(inferred)* marks a label or value " +
      "that no Avaya document read for scnc confirms: check it against the Manager help for your release.")
    .paragraph("Voicemail Type and Voicemail IP Address can only be changed in an offline edit, and take effect when the " +
      "system reboots: make all the changes in one offline session, then reboot once.");
  voicemailSteps(checklist, office);
  checklist.section("Security > System");
  checklist.add(`Security > System > Voicemail Password: ${passwordInstruction(office.security.voicemailPassword)}` +
    " (the same on the Voicemail Pro server)", { inferred: office.role !== "central" });
  checklist.section("Lines");
  if (office.lines.length === 0) checklist.paragraph("No SCN lines: this office has no links.");
  for (const line of office.lines) {
    const menuItem = line.lineType === "H.323" ? "H.323 Line" : "IP Office Line";
    checklist.add(`Line > New > ${menuItem}: Line Number ${value(line.lineNumber)}, to office ${value(line.peer)}`, {
      details: lineDetails(line, office),
    });
  }
  checklist.section("Licences");
  if (office.licenses.length === 0) checklist.paragraph("No licences declared for this office.");
  for (const license of office.licenses) checklist.add(`License > ${license.name}: quantity ${value(license.quantity)}`);
  return checklist.render();
}
