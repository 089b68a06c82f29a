import backupMinRelease from "./backup-min-release.js";
import backupServerCount from "./backup-server-count.js";
import centralLicense from "./central-license.js";
import centralOfficeCount from "./central-office-count.js";
import centralServerCount from "./central-server-count.js";
import distributedMinRelease from "./distributed-min-release.js";
import distributedNotForCentralOrFallback from "./distributed-not-for-central-or-fallback.js";
import distributedOfficeLicense from "./distributed-office-license.js";
import duplicateAddress from "./duplicate-address.js";
import duplicateName from "./duplicate-name.js";
import duplicateProperty from "./duplicate-property.js";
import fallbackCapacity from "./fallback-capacity.js";
import fallbackLicense from "./fallback-license.js";
import fallbackMinRelease from "./fallback-min-release.js";
import fallbackOfficeCount from "./fallback-office-count.js";
import featureLicense from "./feature-license.js";
import invalidValue from "./invalid-value.js";
import licenseNameForRelease from "./license-name-for-release.js";
import missingRelease from "./missing-release.js";
import missingRole from "./missing-role.js";
import type { Rule } from "./rule.js";
import syntaxError from "./syntax-error.js";
import unknownReference from "./unknown-reference.js";
import unneededLicense from "./unneeded-license.js";
import unusedDistributedServer from "./unused-distributed-server.js";
import voicemailMustBeDistributed from "./voicemail-must-be-distributed.js";

/** Every rule, in the order of RULES.md. */
export const rules: readonly Rule[] = [
  // Language and references
  syntaxError,
  duplicateName,
  duplicateProperty,
  unknownReference,
  invalidValue,
  missingRelease,
  missingRole,
  duplicateAddress,
  // Roles
  centralOfficeCount,
  centralServerCount,
  fallbackOfficeCount,
  backupServerCount,
  distributedNotForCentralOrFallback,
  voicemailMustBeDistributed,
  unusedDistributedServer,
  // Releases
  fallbackMinRelease,
  backupMinRelease,
  distributedMinRelease,
  // Licences
  centralLicense,
  fallbackLicense,
  distributedOfficeLicense,
  featureLicense,
  licenseNameForRelease,
  fallbackCapacity,
  unneededLicense,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
