import type { Release } from "./types.js";

/**
 * The first Voicemail Pro version whose documents show a Failback Option (Preferences > General:
 * Manual, Graceful or Automatic). The earliest document that shows it is the R12.x Voicemail Pro
 * administration manual (S9, S10); the R6 manual (S2, p55) has none, and says instead that the
 * central server does not resume control by itself once it returns. No retrieved document settles
 * the versions between, so the threshold is inferred: versions below it are treated as R6 is.
 * Shared by the rule failback-option-version and `scnc simulate`, so they cannot disagree.
 */
export const FAILBACK_OPTION_SINCE: Readonly<{ major: number; minor: number; text: string }> = { major: 12, minor: 0, text: "12.0" };

/** Whether a server at this version has a Failback Option (undefined version: assume it does). */
export function hasFailbackOption(version: Release | undefined): boolean {
  if (!version) return true;
  return version.major > FAILBACK_OPTION_SINCE.major || (version.major === FAILBACK_OPTION_SINCE.major && version.minor >= FAILBACK_OPTION_SINCE.minor);
}
