import type { Platform, Release } from "./types.js";
import { releaseBelow } from "./values.js";

/**
 * What Voicemail Pro could do at a version, as far as the sources show. Rules and the simulator
 * read these so that they agree. Each threshold names the documents it rests on.
 */

/** Below 8.0 the documents show Voicemail Pro only on a Windows PC (IIS SMTP between servers: S1,
 * S2, S3, S23). The earliest documents found that show it elsewhere are later (Linux S39 at R9,
 * Application Server S12 at R11.1, UCM S14 at R12.3); 8.0, where Linux-based servers arrived, is
 * inferred, and chosen so that scnc never refuses a platform a document might show. */
export const NON_WINDOWS_PLATFORMS_FROM = { major: 8, minor: 0 } as const;

export function platformExistsAt(platform: Platform, version: Release): boolean {
  return platform === "windows" || !releaseBelow(version, NON_WINDOWS_PLATFORMS_FROM.major, NON_WINDOWS_PLATFORMS_FROM.minor);
}

/** The Failback Option (Manual / Graceful / Automatic) is first shown by the R12.2 manual (S9, S10).
 * The R6 manual (S2, p55) shows a server without it: a restored central server does not resume
 * control by itself. No document read settles 7.0–12.1, so there scnc neither warns nor tells the
 * engineer to set it unasked. The rule failback-option-version, the compiler and `scnc simulate`
 * all read this one function, so that they cannot disagree. */
export const FAILBACK_OPTION_FIRST_DOCUMENTED = { major: 12, minor: 2 } as const;
export const FAILBACK_OPTION_KNOWN_ABSENT_BELOW = { major: 7, minor: 0 } as const;

/** `absent`: the sources show the version without the option; `documented`: a source shows it;
 * `unsettled`: no document read says. An unknown version is read as documented (today's servers). */
export type FailbackOptionAvailability = "absent" | "unsettled" | "documented";

export function failbackOptionAt(version: Release | undefined): FailbackOptionAvailability {
  if (!version) return "documented";
  if (releaseBelow(version, FAILBACK_OPTION_KNOWN_ABSENT_BELOW.major, FAILBACK_OPTION_KNOWN_ABSENT_BELOW.minor)) return "absent";
  if (releaseBelow(version, FAILBACK_OPTION_FIRST_DOCUMENTED.major, FAILBACK_OPTION_FIRST_DOCUMENTED.minor)) return "unsettled";
  return "documented";
}

export function failbackOptionKnownAbsent(version: Release): boolean {
  return failbackOptionAt(version) === "absent";
}

export const FAILBACK_OPTION_FIRST_DOCUMENTED_TEXT = `${FAILBACK_OPTION_FIRST_DOCUMENTED.major}.${FAILBACK_OPTION_FIRST_DOCUMENTED.minor}`;
export const FAILBACK_OPTION_KNOWN_ABSENT_BELOW_TEXT = `${FAILBACK_OPTION_KNOWN_ABSENT_BELOW.major}.${FAILBACK_OPTION_KNOWN_ABSENT_BELOW.minor}`;

/** Voicemail channels an IP500 V2 system supports, whatever the server (S13, R12.2: "IP500 V2 | 40";
 * S27, R7.0: "capacity of up to 40 ports"; S12, R11.1 Application Server: 40 with Voicemail Pro
 * alone, 20 alongside one-X Portal). SCN offices are IP500 V2 systems (Server Edition's larger
 * servers are another arrangement). */
export const VOICEMAIL_CHANNELS_PER_SYSTEM = 40;
