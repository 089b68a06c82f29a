import type { Network, Office } from "../ir/types.js";
import {
  editionNameFor, FEATURE_LICENSE_LABELS, heldCount, networkLicensing,
  type LicenseKind, type LicenseNeed, type LicensingRole, type OfficeLicensing,
} from "../licensing/index.js";

/**
 * `scnc licenses`: what each office needs, holds and lacks, read straight from the licence model
 * (src/licensing) that the licence rules use, so the report and `scnc check` cannot disagree.
 */

export interface NeedLine {
  readonly need: LicenseNeed;
  /** The licence's name as Manager shows it at the office's release. */
  readonly name: string;
  readonly held: number;
  readonly missing: number;
}

export interface OfficeReport {
  readonly licensing: OfficeLicensing;
  readonly lines: readonly NeedLine[];
}

export interface LicenseReport {
  readonly offices: readonly OfficeReport[];
  /** Offices with at least one shortfall (required or advised). */
  readonly shortOffices: readonly Office[];
}

/** OUTPUT.md's licence names: the edition's name depends on the release (6.0 renamed it). */
export function licenseName(license: LicenseKind, office: Office): string {
  if (license === "edition") {
    const name = office.release ? editionNameFor(office.release.value) : office.licenses.edition?.value ?? "preferred-edition";
    return name === "voicemail-pro" ? "Voicemail Pro" : "Preferred Edition (Voicemail Pro)";
  }
  if (license === "ports") return "Voicemail ports";
  return FEATURE_LICENSE_LABELS[license];
}

export const ROLE_TEXT: Readonly<Record<LicensingRole, string>> = {
  central: "central",
  fallback: "fallback",
  "distributed-member": "distributed",
  member: "member",
};

export function licenseReport(network: Network): LicenseReport {
  const offices = networkLicensing(network).map((licensing): OfficeReport => ({
    licensing,
    lines: licensing.needs.map((need) => {
      const shortfall = licensing.shortfalls.find((candidate) => candidate.need === need);
      const held = heldCount(licensing.holds, need.license);
      return { need, name: licenseName(need.license, licensing.office), held, missing: shortfall?.missing ?? 0 };
    }),
  }));
  const shortOffices = offices.filter((office) => office.licensing.shortfalls.length > 0).map((office) => office.licensing.office);
  return { offices, shortOffices };
}
