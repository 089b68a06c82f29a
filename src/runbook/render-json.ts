import { canonicalJson } from "../compile/json.js";
import type { Runbook } from "./model.js";

/** `scnc runbook --format json`, per schemas/runbook.schema.json: the model itself, keys sorted. */
export function renderRunbookJson(runbook: Runbook): string {
  return canonicalJson(runbook);
}
