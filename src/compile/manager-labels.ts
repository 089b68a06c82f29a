import type { FailbackMode, Release } from "../ir/types.js";
import { releaseBelow } from "../ir/values.js";
import type { FailbackOption, LicenseName, OfficeDocumentRole, VoicemailType } from "./documents.js";

/** The labels IP Office Manager and the Voicemail Pro client show, where they depend on the release
 * or the role (DOMAIN.md §1, §3 and §5). */

/** SCN trunks are H.323 lines with Supplementary Services "IP Office SCN" up to R7.x, and IP Office
 * Lines with Networking Level SCN from R8.0 (DOMAIN.md §1, rule 12; S1, S16, S21). A line joins two
 * systems, so the lower release of its two ends decides. */
export function lineTypeFor(lowerRelease: Release): "H.323" | "IP Office Line" {
  return releaseBelow(lowerRelease, 8) ? "H.323" : "IP Office Line";
}

export type LicenseKind = "edition" | "voicemail-ports" | "ums" | "contact-store" | "tts";

/** A licence as Manager's License list names it at one release, and what backs that name. */
export interface LicenseLabel {
  readonly name: LicenseName;
  /** No source read for scnc shows this name at this release. */
  readonly inferred: boolean;
  readonly sources: readonly string[];
}

/**
 * Licence names per release, each from a source where one gives it:
 * - "Preferred Edition (Voicemail Pro)" from R6.0 (S11), "Voicemail Pro" before (S28);
 * - "Preferred Edition Additional Voicemail Ports" is the R11.1 name (S12); from 6.0 to 11.0 the same
 *   name is inferred (S11 names its sibling "Essential Edition Additional Voicemail Ports"), and below
 *   6.0 no source names the ports licence;
 * - "UMS" and "ContactStore" are the R5/R6 manuals' names (S1, S19; S12 for UMS at R11.1); below 6.0
 *   UMS had other names ("UMS Web Services", unverified);
 * - no source gives a Manager name for the TTS licences (S11 only says "TTS licences").
 */
export function licenseLabel(kind: LicenseKind, release: Release): LicenseLabel {
  const before6 = releaseBelow(release, 6);
  switch (kind) {
    case "edition":
      return before6
        ? { name: "Voicemail Pro", inferred: false, sources: ["S28"] }
        : { name: "Preferred Edition (Voicemail Pro)", inferred: false, sources: ["S11"] };
    case "voicemail-ports":
      if (before6) return { name: "Additional Voicemail Ports", inferred: true, sources: [] };
      return { name: "Preferred Edition Additional Voicemail Ports", inferred: releaseBelow(release, 11, 1), sources: ["S11", "S12"] };
    case "ums":
      return { name: "UMS", inferred: before6, sources: before6 ? ["S1"] : ["S1", "S12"] };
    case "contact-store":
      return { name: "ContactStore", inferred: false, sources: ["S1", "S19"] };
    case "tts":
      return { name: "TTS", inferred: true, sources: ["S11"] };
  }
}

export function voicemailTypeFor(role: OfficeDocumentRole): VoicemailType {
  if (role === "central") return "Voicemail Pro";
  if (role === "distributed-member") return "Distributed Voicemail";
  return "Centralized Voicemail";
}

const FAILBACK_OPTIONS: Record<FailbackMode, FailbackOption> = {
  manual: "Manual",
  graceful: "Graceful",
  automatic: "Automatic",
};

/** Graceful is the Voicemail Pro default (DOMAIN.md rule 40; S9, S10). */
export function failbackOptionFor(mode: FailbackMode | undefined): FailbackOption {
  return FAILBACK_OPTIONS[mode ?? "graceful"];
}
