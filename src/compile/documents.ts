import type { DeviceSteps } from "./steps/model.js";

/**
 * The per-device documents of OUTPUT.md, as data. The compiler builds these; the JSON and
 * checklist renderers print them; schemas/*.schema.json describe exactly these shapes.
 */

/** How a password is written: a reference to an environment variable, the value itself (only with
 * --resolve-secrets), a placeholder for a password written literally in the .scn file (its value is
 * never written without --resolve-secrets), or null when the network declares none. */
export type PasswordOutput = { readonly env: string } | { readonly literal: "redacted" } | string | null;

export type OfficeDocumentRole = "central" | "fallback" | "member" | "distributed-member";
export type VoicemailType = "Voicemail Pro" | "Centralized Voicemail" | "Distributed Voicemail";

export interface OfficeVoicemail {
  readonly voicemailType: VoicemailType;
  readonly voicemailIpAddress: string | null;
  readonly backupVoicemailIpAddress: string | null;
  readonly voicemailDestination: number | null;
}

export interface ScnResiliency {
  readonly supportsResiliency: true;
  readonly backsUpMyVoicemail: boolean;
}

interface LineBase {
  readonly lineNumber: number;
  readonly peer: string;
  readonly peerAddress: string | null;
  readonly outgoingGroupId: number | null;
}

export interface H323Line extends LineBase {
  readonly lineType: "H.323";
  readonly supplementaryServices: "IP Office SCN" | "IP Office SCN - Fallback";
}

export interface IpOfficeLine extends LineBase {
  readonly lineType: "IP Office Line";
  readonly networkingLevel: "SCN";
  readonly scnResiliency?: ScnResiliency;
}

export type Line = H323Line | IpOfficeLine;

export type LicenseName =
  | "Preferred Edition (Voicemail Pro)"
  | "Voicemail Pro"
  | "Additional Voicemail Ports"
  | "Preferred Edition Additional Voicemail Ports"
  | "UMS"
  | "ContactStore"
  | "TTS";

export interface LicenseEntry {
  readonly name: LicenseName;
  readonly quantity: number;
}

export interface OfficeDocument {
  readonly kind: "office";
  readonly name: string;
  readonly network: string;
  readonly address: string | null;
  readonly release: string;
  readonly role: OfficeDocumentRole;
  readonly voicemail: OfficeVoicemail;
  /** Only on the offices a Voicemail Pro server connects to: central, fallback, distributed members. */
  readonly security?: { readonly voicemailPassword: PasswordOutput };
  readonly lines: readonly Line[];
  readonly licenses: readonly LicenseEntry[];
}

export type ServerDocumentRole = "central" | "backup" | "distributed";
export type FailbackOption = "Manual" | "Graceful" | "Automatic";
export const SMTP_RECEIVER_MODE = "Distributed/Primary/Backup Voicemail";

export interface ServerGeneralPreferences {
  readonly voicemailPassword: PasswordOutput;
  readonly failbackOption?: FailbackOption;
  readonly failbackTimeoutMinutes?: number;
}

export interface ServerEmailPreferences {
  readonly smtpSender: { readonly mailDomain: string | null };
  readonly smtpReceiver: { readonly mode: typeof SMTP_RECEIVER_MODE; readonly domain: string | null };
}

export interface ServerDocument {
  readonly kind: "server";
  readonly name: string;
  readonly network: string;
  readonly address: string | null;
  readonly version: string;
  readonly platform: string | null;
  readonly role: ServerDocumentRole;
  readonly controlledBy: readonly string[];
  readonly serves: readonly string[];
  readonly preferences: { readonly general: ServerGeneralPreferences; readonly email: ServerEmailPreferences };
  readonly sync?: { readonly peer: string; readonly recipient: string | null };
  readonly forwardsMessagesTo?: { readonly server: string; readonly domain: string | null };
}

export type DeviceDocument = OfficeDocument | ServerDocument;

/** Everything the compiler derives from one network, before it is rendered to files. */
export interface CompiledNetwork {
  readonly network: string;
  /** In declaration order. */
  readonly offices: readonly OfficeDocument[];
  readonly servers: readonly ServerDocument[];
  /** Each device's checklist steps (steps/model.ts): the offices', then the servers', in the order above. */
  readonly steps: readonly DeviceSteps[];
}
