import type { Rule } from "../rules/rule.js";

export const CONFIG_FILE_NAME = "scnc.json";
export const SEVERITY_SETTINGS = ["error", "warning", "info", "off"] as const;

/** The rule scnc.json may regrade but not turn off: without it, a file that does not parse would
 * pass as clean (issue 14; CLI.md "Configuration"). */
export const UNSWITCHABLE_RULE = "syntax-error";

/**
 * The JSON Schema of scnc.json (draft 2020-12), generated from the rule registry so that editors
 * can complete rule ids. `npm run docs:rules` writes it to schemas/config.schema.json, and a test
 * fails when that file is stale.
 */
export function configSchema(rules: readonly Rule[]): object {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:scnc:schema:config",
    title: "scnc configuration (scnc.json)",
    description: "Per-rule severities for `scnc check`, found in the current directory or a parent, or given with --config.",
    type: "object",
    properties: {
      $schema: { type: "string", description: "The schema this file follows, for editors." },
      rules: {
        type: "object",
        description: "Severity per rule id: error, warning, info, or off to turn the rule off.",
        properties: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === UNSWITCHABLE_RULE
          ? { $ref: "#/$defs/severityOn", description: `${rule.summary} (default: ${rule.severity}; cannot be turned off)` }
          : { $ref: "#/$defs/severity", description: `${rule.summary} (default: ${rule.severity})` }])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    $defs: {
      severity: { enum: [...SEVERITY_SETTINGS] },
      severityOn: { enum: SEVERITY_SETTINGS.filter((setting) => setting !== "off") },
    },
  };
}
