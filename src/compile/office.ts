import type { Office } from "../ir/types.js";
import type { Span } from "../language/span.js";
import { officeRole, releaseOf, type CompileContext } from "./context.js";
import type { LicenseEntry, OfficeDocument, OfficeDocumentRole, OfficeVoicemail } from "./documents.js";
import { compileLines } from "./lines.js";
import { licenseLabel, voicemailTypeFor, type LicenseKind } from "./manager-labels.js";

/**
 * Only the central office is given the servers' addresses (S2 p55: "the central IP Office hosting the
 * primary voicemail server is configured with the IP addresses of both the primary voicemail server
 * and the backup"; S4). A fallback office is on Centralized Voicemail like any member: it takes
 * control of the central server through its fallback line (S17, S18), so it gets no address of its
 * own here (docs/decisions.md). A distributed member names its distributed server (DOMAIN.md §3.1 (d)).
 */
function voicemailIpAddress(office: Office, role: OfficeDocumentRole, context: CompileContext): string | null {
  if (role === "central") return context.roles.centralServer?.address?.value.text ?? null;
  if (role === "distributed-member") return office.voicemail?.server?.address?.value.text ?? null;
  return null;
}

function backupVoicemailIpAddress(role: OfficeDocumentRole, context: CompileContext): string | null {
  if (role !== "central") return null;
  return context.roles.backupServer?.address?.value.text ?? null;
}

/** Every office but the central one reaches voicemail over the SCN line on the first hop of its
 * shortest path to the central office (DOMAIN.md rule 14). */
function voicemailDestination(office: Office, role: OfficeDocumentRole, context: CompileContext): number | null {
  if (role === "central") return null;
  return context.firstHops[office.index]?.groupId?.value ?? null;
}

// The documents are built with their keys in code-unit order, as canonicalJson prints them (it
// then prints them without copying them first).
function compileVoicemail(office: Office, role: OfficeDocumentRole, context: CompileContext): OfficeVoicemail {
  return {
    backupVoicemailIpAddress: backupVoicemailIpAddress(role, context),
    voicemailDestination: voicemailDestination(office, role, context),
    voicemailIpAddress: voicemailIpAddress(office, role, context),
    voicemailType: voicemailTypeFor(role),
  };
}

export interface DeclaredLicense {
  readonly kind: LicenseKind;
  readonly quantity: number;
  /** The `licenses { … }` entry it comes from. */
  readonly span: Span;
}

/** The licences an office declares, in the order its document lists them. */
export function declaredLicenses(office: Office): DeclaredLicense[] {
  const { edition, voicemailPorts, ums, contactStore, tts } = office.licenses;
  const declared: DeclaredLicense[] = [];
  if (edition) declared.push({ kind: "edition", quantity: 1, span: edition.propertySpan });
  if (voicemailPorts) declared.push({ kind: "voicemail-ports", quantity: voicemailPorts.value, span: voicemailPorts.propertySpan });
  if (ums) declared.push({ kind: "ums", quantity: ums.value, span: ums.propertySpan });
  if (contactStore) declared.push({ kind: "contact-store", quantity: contactStore.value, span: contactStore.propertySpan });
  if (tts) declared.push({ kind: "tts", quantity: tts.value, span: tts.propertySpan });
  return declared;
}

/** Only what the office declares, under the names of its own release (licenseLabel). */
function compileLicenses(office: Office): LicenseEntry[] {
  const release = releaseOf(office);
  return declaredLicenses(office).map((license) => ({ name: licenseLabel(license.kind, release).name, quantity: license.quantity }));
}

export function compileOffice(office: Office, context: CompileContext): OfficeDocument {
  const role = officeRole(office);
  const address = office.address?.value.text ?? null;
  const licenses = compileLicenses(office);
  const lines = compileLines(office, context.lineNumbers.get(office.name));
  const name = office.name;
  const network = context.network.name;
  const release = releaseOf(office).text;
  const voicemail = compileVoicemail(office, role, context);
  // A member is on the central server through the central office: no server connects to it (S34).
  if (role === "member") return { address, kind: "office", licenses, lines, name, network, release, role, voicemail };
  const security = { voicemailPassword: context.password };
  return { address, kind: "office", licenses, lines, name, network, release, role, security, voicemail };
}
