import type { Rule } from "../rules/rule.js";

export const CONFIG_FILE_NAME = "scnc.json";
export const SEVERITY_SETTINGS = ["error", "warning", "info", "off"] as const;

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
        properties: Object.fromEntries(rules.map((rule) => [rule.id, { $ref: "#/$defs/severity", description: `${rule.summary} (default: ${rule.severity})` }])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    $defs: {
      severity: { enum: [...SEVERITY_SETTINGS] },
    },
  };
}
