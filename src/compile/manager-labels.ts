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

/** "Preferred Edition (Voicemail Pro)" from R6.0; the same licence was called "Voicemail Pro"
 * before (DOMAIN.md §5.1; S11, S28). */
export function editionLicenseName(release: Release): LicenseName {
  return releaseBelow(release, 6) ? "Voicemail Pro" : "Preferred Edition (Voicemail Pro)";
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
