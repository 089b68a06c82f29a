/**
 * The licence model (DOMAIN.md §5), for the licence rules and `scnc licenses`:
 *
 * - `networkLicensing(network)`: per office (declaration order), its licensing `role`, the `needs`
 *   of that role and of the features it uses (each need names the rule that reports its shortfall,
 *   whether it is `required` or `advised`, and whether the fallback office needs it `whileInControl`),
 *   what it `holds`, the `shortfalls`, and licences held that the role cannot use (`unneeded`).
 * - `shortfallsFor(network, ruleId)`: the shortfalls one rule reports.
 * - `heldLicenses(office)`, `editionNameFor(release)`, `PORTS_PER_EDITION`, `FEATURE_LICENSE_LABELS`.
 *
 * Everything is a pure function of the IR; results are cached per network object.
 */
export {
  editionNameFor, FEATURE_LICENSE_LABELS, FEATURES, heldLicenses, PORTS_PER_EDITION, type HeldLicenses,
} from "./holdings.js";
export {
  heldCount, licensingRole, networkLicensing, officeLicensing, shortfallsFor,
  type LicenseKind, type LicenseNeed, type LicenseShortfall, type LicensingRole, type OfficeLicensing, type UnneededLicense,
} from "./model.js";
