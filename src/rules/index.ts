import backupServerCount from "./backup-server-count.js";
import centralOfficeCount from "./central-office-count.js";
import centralServerCount from "./central-server-count.js";
import distributedNotForCentralOrFallback from "./distributed-not-for-central-or-fallback.js";
import duplicateAddress from "./duplicate-address.js";
import duplicateName from "./duplicate-name.js";
import duplicateProperty from "./duplicate-property.js";
import fallbackOfficeCount from "./fallback-office-count.js";
import invalidValue from "./invalid-value.js";
import missingRelease from "./missing-release.js";
import missingRole from "./missing-role.js";
import type { Rule } from "./rule.js";
import syntaxError from "./syntax-error.js";
import unknownReference from "./unknown-reference.js";
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
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
