import { lowestOfficeRelease } from "../ir/queries.js";
import type { Network, Office, Release } from "../ir/types.js";
import { compareReleases, releaseBelow } from "../ir/values.js";

/** SCN capacity by the lowest office release (DOMAIN.md rule 27; S14, S15, S16). */
export const MAX_HOPS = 5;
/** The largest limits at any release. A network above them is over its limit whatever its releases
 * (even one whose releases are unknown), so scn-max-systems has fired for certain. */
export const MAX_SYSTEMS_AT_ANY_RELEASE = 32;
export const MAX_USERS_AT_ANY_RELEASE = 1000;

export interface ScnLimits {
  readonly release: Release;
  /** An office at that release (the first declared), to point at. */
  readonly lowestOffice: Office;
  readonly systems: number;
  readonly users: number;
}

export function scnLimits(network: Network): ScnLimits | undefined {
  const release = lowestOfficeRelease(network);
  if (!release) return undefined;
  const lowestOffice = network.offices.find((office) => office.release && compareReleases(office.release.value, release) === 0);
  if (!lowestOffice) return undefined;
  return {
    release,
    lowestOffice,
    systems: releaseBelow(release, 5) ? 16 : 32,
    users: releaseBelow(release, 6) ? 500 : 1000,
  };
}
