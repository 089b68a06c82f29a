import type { Device, EffectiveRelease } from "../ir/types.js";
import { releaseBelow } from "../ir/values.js";
import type { RuleReport } from "./rule.js";

/** A device a feature needs at some minimum release, described as the message names it. */
export interface ReleaseRequirement {
  readonly device: Device;
  /** e.g. "central office 'hq'", "backup server 'vm-dr'". */
  readonly description: string;
  /** Why this device needs the release, when the floor's own `related` would point elsewhere. */
  readonly related?: RuleReport["related"];
}

export interface ReleaseFloor {
  readonly major: number;
  /** What needs the release, e.g. "fallback office control (fallback office 'dr')". */
  readonly feature: string;
  /** The other way out, e.g. "or remove `role fallback` from office 'dr'". */
  readonly alternative: string;
  readonly related: RuleReport["related"];
}

function effectiveRelease(device: Device): EffectiveRelease | undefined {
  return device.kind === "office" ? device.release : device.version;
}

/** Whether reportBelowFloor would report this device (its release is known and below the floor). */
export function isBelowFloor(device: Device, major: number): boolean {
  const release = effectiveRelease(device);
  return release !== undefined && releaseBelow(release.value, major);
}

/** "a", "a and b", "a, b and c", "a, b, c and 7 other devices". */
function joinNames(names: readonly string[]): string {
  if (names.length > 4) return `${names.slice(0, 3).join(", ")} and ${names.length - 3} other devices`;
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Reports the devices below a feature's minimum release. Devices whose release comes from the same
 * place (typically the network's `release`) share one diagnostic there, because one edit fixes
 * them all. Devices whose release is unknown are left out (missing-release reports them).
 */
export function reportBelowFloor(requirements: readonly ReleaseRequirement[], floor: ReleaseFloor, report: (report: RuleReport) => void): void {
  const groups = new Map<number, { release: EffectiveRelease; descriptions: string[]; related: RuleReport["related"] }>();
  const seen = new Set<Device>();
  for (const { device, description, related } of requirements) {
    const release = effectiveRelease(device);
    if (!release || seen.has(device) || !releaseBelow(release.value, floor.major)) continue;
    seen.add(device);
    const group = groups.get(release.span.start);
    if (group) group.descriptions.push(description);
    else groups.set(release.span.start, { release, descriptions: [description], related: related ?? floor.related });
  }
  const minimum = `${floor.major}.0`;
  for (const { release, descriptions, related } of groups.values()) {
    const source = release.inherited ? " (the network's release)" : "";
    const verb = descriptions.length === 1 ? "is" : "are";
    report({
      at: release.span,
      message: `${joinNames(descriptions)} ${verb} at ${release.value.text}${source}, below the ${minimum} that ${floor.feature} needs; ` +
        `raise ${descriptions.length === 1 ? "it" : "them"} to ${minimum} or later, ${floor.alternative}`,
      ...(related ? { related } : {}),
    });
  }
}
