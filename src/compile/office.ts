import type { Office } from "../ir/types.js";
import { officeRole, releaseOf, type CompileContext } from "./context.js";
import type { LicenseEntry, OfficeDocument, OfficeDocumentRole, OfficeVoicemail } from "./documents.js";
import { compileLines } from "./lines.js";
import { editionLicenseName, voicemailTypeFor } from "./manager-labels.js";

function voicemailIpAddress(office: Office, role: OfficeDocumentRole, context: CompileContext): string | null {
  if (role === "central" || role === "fallback") return context.roles.centralServer?.address?.value.text ?? null;
  if (role === "distributed-member") return office.voicemail?.server?.address?.value.text ?? null;
  return null;
}

/** The fallback office gets the backup server too, so that "central office and central server both
 * down" still works (DOMAIN.md §3.1 (b), inferred; S8). */
function backupVoicemailIpAddress(role: OfficeDocumentRole, context: CompileContext): string | null {
  if (role !== "central" && role !== "fallback") return null;
  return context.roles.backupServer?.address?.value.text ?? null;
}

/** Every office but the central one reaches voicemail over the SCN line on the first hop of its
 * shortest path to the central office (DOMAIN.md rule 14). */
function voicemailDestination(office: Office, role: OfficeDocumentRole, context: CompileContext): number | null {
  if (role === "central") return null;
  return context.firstHops[office.index]?.groupId?.value ?? null;
}

function compileVoicemail(office: Office, role: OfficeDocumentRole, context: CompileContext): OfficeVoicemail {
  return {
    voicemailType: voicemailTypeFor(role),
    voicemailIpAddress: voicemailIpAddress(office, role, context),
    backupVoicemailIpAddress: backupVoicemailIpAddress(role, context),
    voicemailDestination: voicemailDestination(office, role, context),
  };
}

/** Only what the office declares, under the names of its own release. */
function compileLicenses(office: Office): LicenseEntry[] {
  const { edition, voicemailPorts, ums, contactStore, tts } = office.licenses;
  const entries: LicenseEntry[] = [];
  if (edition) entries.push({ name: editionLicenseName(releaseOf(office)), quantity: 1 });
  if (voicemailPorts) entries.push({ name: "Additional Voicemail Ports", quantity: voicemailPorts.value });
  if (ums) entries.push({ name: "UMS", quantity: ums.value });
  if (contactStore) entries.push({ name: "ContactStore", quantity: contactStore.value });
  if (tts) entries.push({ name: "TTS", quantity: tts.value });
  return entries;
}

export function compileOffice(office: Office, context: CompileContext): OfficeDocument {
  const role = officeRole(office);
  return {
    kind: "office",
    name: office.name,
    network: context.network.name,
    address: office.address?.value.text ?? null,
    release: releaseOf(office).text,
    role,
    voicemail: compileVoicemail(office, role, context),
    security: { voicemailPassword: context.password },
    lines: compileLines(office, context.lineNumbers.get(office.name)),
    licenses: compileLicenses(office),
  };
}
