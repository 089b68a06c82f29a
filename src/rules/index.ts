import backupMinRelease from "./backup-min-release.js";
import backupServerCount from "./backup-server-count.js";
import centralLicense from "./central-license.js";
import centralOfficeCount from "./central-office-count.js";
import centralServerCount from "./central-server-count.js";
import distributedMinRelease from "./distributed-min-release.js";
import distributedNotForCentralOrFallback from "./distributed-not-for-central-or-fallback.js";
import distributedOfficeLicense from "./distributed-office-license.js";
import duplicateAddress from "./duplicate-address.js";
import duplicateGroupId from "./duplicate-group-id.js";
import duplicateLink from "./duplicate-link.js";
import duplicateMailDomain from "./duplicate-mail-domain.js";
import duplicateName from "./duplicate-name.js";
import duplicateProperty from "./duplicate-property.js";
import failbackTimeoutRange from "./failback-timeout-range.js";
import failbackWithoutBackup from "./failback-without-backup.js";
import fallbackCapacity from "./fallback-capacity.js";
import fallbackLicense from "./fallback-license.js";
import fallbackMinRelease from "./fallback-min-release.js";
import fallbackNeedsDirectLink from "./fallback-needs-direct-link.js";
import fallbackOfficeCount from "./fallback-office-count.js";
import featureLicense from "./feature-license.js";
import groupIdDefault from "./group-id-default.js";
import groupIdMissing from "./group-id-missing.js";
import groupIdRange from "./group-id-range.js";
import groupIdReserved from "./group-id-reserved.js";
import invalidValue from "./invalid-value.js";
import licenseNameForRelease from "./license-name-for-release.js";
import mailDomainRequired from "./mail-domain-required.js";
import missingAddress from "./missing-address.js";
import missingRelease from "./missing-release.js";
import missingRole from "./missing-role.js";
import missingVoicemailPassword from "./missing-voicemail-password.js";
import noVoicemailResilience from "./no-voicemail-resilience.js";
import officeUnreachable from "./office-unreachable.js";
import plaintextSecret from "./plaintext-secret.js";
import type { Rule } from "./rule.js";
import scnMaxHops from "./scn-max-hops.js";
import scnMaxSystems from "./scn-max-systems.js";
import scnMaxUsers from "./scn-max-users.js";
import scnMeshBeforeR5 from "./scn-mesh-before-r5.js";
import selfLink from "./self-link.js";
import syntaxError from "./syntax-error.js";
import ucmMaxSystems from "./ucm-max-systems.js";
import ucmPlatformRole from "./ucm-platform-role.js";
import unknownReference from "./unknown-reference.js";
import unknownSuppression from "./unknown-suppression.js";
import unneededAcceptFailure from "./unneeded-accept-failure.js";
import unneededLicense from "./unneeded-license.js";
import unusedDistributedServer from "./unused-distributed-server.js";
import unusedSuppression from "./unused-suppression.js";
import voicemailMustBeDistributed from "./voicemail-must-be-distributed.js";

/** Every rule, in the order of RULES.md, then scnc's own: missing-address and the two suppression warnings. */
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
  // SCN size and shape
  scnMaxSystems,
  scnMaxUsers,
  scnMaxHops,
  scnMeshBeforeR5,
  ucmMaxSystems,
  officeUnreachable,
  fallbackNeedsDirectLink,
  selfLink,
  duplicateLink,
  groupIdMissing,
  groupIdRange,
  groupIdReserved,
  groupIdDefault,
  duplicateGroupId,
  // Servers, mail and secrets
  mailDomainRequired,
  duplicateMailDomain,
  failbackWithoutBackup,
  failbackTimeoutRange,
  ucmPlatformRole,
  plaintextSecret,
  missingVoicemailPassword,
  unneededAcceptFailure,
  noVoicemailResilience,
  // scnc's own (not in RULES.md, see docs/rules.md)
  missingAddress,
  // Suppression comments (LANGUAGE.md; the ids are scnc's own, see docs/rules.md)
  unknownSuppression,
  unusedSuppression,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
