import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsNs from "ajv-formats";

const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormatsNs.default as unknown as (instance: Ajv2020) => void)(ajv);

/** A validator for one of the schemas in schemas/ (JSON Schema 2020-12, formats included): it
 * returns ajv's errors as readable lines, so a failing test says what is wrong and where.
 * `fragment` picks a definition inside the schema, e.g. "#/$defs/network". */
export function schemaValidator(schemaFile: URL | string, fragment = ""): (document: unknown) => string[] {
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as { $id?: string };
  const key = schema.$id ?? String(schemaFile);
  if (!ajv.getSchema(key)) ajv.addSchema(schema, schema.$id ? undefined : key);
  const validate = ajv.getSchema(`${key}${fragment}`);
  if (!validate) throw new Error(`no schema ${key}${fragment}`);
  return (document) => (validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`));
}
