import { distinctOffices } from "../ir/queries.js";
import type { Network, Office, Release } from "../ir/types.js";
import { compareReleases, releaseBelow } from "../ir/values.js";

/** SCN capacity by the lowest office release (DOMAIN.md rule 27; S14, S15, S16). */
export const MAX_HOPS = 5;
/** The largest limits at any release. A network above them is over its limit whatever its releases
 * (even one whose releases are unknown), so scn-max-systems has fired for certain. */
export const MAX_SYSTEMS_AT_ANY_RELEASE = 32;
export const MAX_USERS_AT_ANY_RELEASE = 1000;

export interface ScnLimits {
  /** The lowest release among the offices whose release is known. */
  readonly release: Release;
  /** An office at that release (the first declared), to point at. */
  readonly lowestOffice: Office;
  readonly systems: number;
  readonly users: number;
}

/**
 * The limits of the lowest known office release, or undefined when no office's release is known.
 * Offices whose release is unknown (missing-release) are left out: the network's real lowest
 * release can only be lower, and the limits only smaller, so a network over these limits is over
 * its real ones too. One office known to be at 4.2 caps the SCN at 16 systems whatever the others are.
 */
export function scnLimits(network: Network): ScnLimits | undefined {
  let lowestOffice: Office | undefined;
  for (const office of distinctOffices(network)) {
    if (!office.release) continue;
    if (!lowestOffice?.release || compareReleases(office.release.value, lowestOffice.release.value) < 0) lowestOffice = office;
  }
  const release = lowestOffice?.release?.value;
  if (!lowestOffice || !release) return undefined;
  return {
    release,
    lowestOffice,
    systems: releaseBelow(release, 5) ? 16 : MAX_SYSTEMS_AT_ANY_RELEASE,
    users: releaseBelow(release, 6) ? 500 : MAX_USERS_AT_ANY_RELEASE,
  };
}
