import type { DeviceDocument } from "./documents.js";
import {
  validateManifest, validateOffice, validateServer, type StandaloneValidator,
} from "./generated/validators.js";

/** Schema validation with ajv standalone code generated at build time from schemas/ (no schema is
 * compiled at run time). Each problem reads "/lines/0/peer must match pattern …". */
function problems(validator: StandaloneValidator, data: unknown): string[] {
  if (validator(data)) return [];
  return (validator.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? error.keyword}`);
}

export function documentProblems(document: DeviceDocument): string[] {
  return problems(document.kind === "office" ? validateOffice : validateServer, document);
}

export function manifestProblems(data: unknown): string[] {
  return problems(validateManifest, data);
}
