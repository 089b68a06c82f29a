import { lstat } from "node:fs/promises";
import path from "node:path";
import { FileTooLargeError, NotRegularFileError, readRegularFile } from "../cli/regular-file.js";
import type { SchemaError } from "../compile/generated/validators.js";
import { LineIndex } from "../language/line-index.js";
import { rulesById } from "../rules/index.js";
import type { SeveritySetting } from "../rules/run.js";
import { closestName } from "../rules/suggestion.js";
import { CONFIG_FILE_NAME, SEVERITY_SETTINGS, UNSWITCHABLE_RULE } from "./schema.js";

/** What scnc.json configures. */
export interface ScncConfig {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
}

export interface LoadedConfig {
  /** The file read, as shown to the user; undefined when there is none (defaults apply). */
  readonly path: string | undefined;
  readonly config: ScncConfig;
}

/** scnc.json cannot be used. The message is one line that names the file and the key. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  /** @param file the configuration file concerned, as shown in the message */
  constructor(message: string, readonly file?: string) {
    super(message);
  }
}

const EMPTY: ScncConfig = { rules: {} };

/** scnc.json in `directory` itself, if there is one. Anything but a folder counts: a FIFO or a link
 * named scnc.json is reported when loaded, not skipped. */
export async function configFileIn(directory: string): Promise<string | undefined> {
  const candidate = path.join(directory, CONFIG_FILE_NAME);
  return (await lstat(candidate).then((stats) => !stats.isDirectory(), () => false)) ? candidate : undefined;
}

/** scnc.json in `directory` or the nearest parent that has one. */
export async function findConfigFile(directory: string): Promise<string | undefined> {
  let current = path.resolve(directory);
  for (;;) {
    const found = await configFileIn(current);
    if (found) return found;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function quoted(list: readonly string[]): string {
  const items = list.map((item) => `"${item}"`);
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** One ajv error in the user's words, naming the key. */
function describeError(error: SchemaError, data: unknown): string {
  const segments = error.instancePath.split("/").slice(1).map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
  // JSON.stringify quotes a key as the file writes it, escapes and all (a key may hold a line break).
  const where = segments.length === 0 ? "the file" : segments.map((segment) => JSON.stringify(segment)).join(" → ");
  if (error.keyword === "additionalProperties") {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    if (segments[0] === "rules") {
      const suggestion = closestName(key, rulesById.keys(), 3);
      return `"rules" → ${JSON.stringify(key)} is not a rule id${suggestion ? `; did you mean "${suggestion}"?` : " (`scnc rules` lists them)"}`;
    }
    const suggestion = closestName(key, ["rules", "$schema"], 2);
    return `${JSON.stringify(key)} is not a setting${suggestion ? `; did you mean "${suggestion}"?` : "; scnc.json holds \"rules\""}`;
  }
  if (error.keyword === "enum") {
    const value = segments.reduce<unknown>((node, segment) => (node as Record<string, unknown>)?.[segment], data);
    if (segments[0] === "rules" && segments[1] === UNSWITCHABLE_RULE && value === "off") {
      return `"rules" → "${UNSWITCHABLE_RULE}" cannot be "off": a file that does not parse cannot be checked or compiled; ` +
        `use ${quoted(SEVERITY_SETTINGS.filter((setting) => setting !== "off"))}, or remove the key`;
    }
    const allowed = segments[1] === UNSWITCHABLE_RULE ? SEVERITY_SETTINGS.filter((setting) => setting !== "off") : SEVERITY_SETTINGS;
    return `${where} is ${JSON.stringify(value)}; use ${quoted(allowed)}`;
  }
  if (error.keyword === "type") return `${where} must be ${error.params.type === "object" ? "an object" : `a ${String(error.params.type)}`}`;
  return `${where} ${error.message ?? "is invalid"}`;
}

/** JSON.parse's complaint as one line: the text it may quote has its line breaks and control
 * characters escaped, and "at position N" becomes a line and column. */
function jsonProblem(error: Error, text: string): string {
  const message = error.message
    .replace(/ in JSON at position (\d+).*$/s, (_match, offset: string) => {
      const { line, column } = new LineIndex(text).positionAt(Number(offset));
      return ` at line ${line}, column ${column}`;
    });
  // JSON.stringify escapes the way JSON itself does (\n, \t, \u000b); the quotes it adds go.
  return message.replace(/[\u0000-\u001f\u007f]/g, (character) => JSON.stringify(character).slice(1, -1).replace("\u007f", "\\u007f"));
}

/** Parses and validates scnc.json text; `shownPath` names the file in errors. */
export async function parseConfig(text: string, shownPath: string): Promise<ScncConfig> {
  let data: unknown;
  const json = text.replace(/^\uFEFF/, "");
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ConfigError(`${shownPath}: not valid JSON: ${jsonProblem(error as Error, json)}`, shownPath);
  }
  // ajv standalone code generated at build time from schemas/config.schema.json (no schema is
  // compiled at run time), loaded only when there is a file to validate: most runs have none.
  const { validateConfig } = await import("../compile/generated/validators.js");
  if (!validateConfig(data)) {
    const problems = (validateConfig.errors ?? []).map((error) => describeError(error, data));
    throw new ConfigError(`${shownPath}: ${[...new Set(problems)].join("; ")}`, shownPath);
  }
  const rules = (data as { rules?: Record<string, SeveritySetting> }).rules ?? {};
  return { rules };
}

/** scnc.json holds a few rule settings; a file this large is not one (and is not read whole). */
const MAX_CONFIG_BYTES = 1024 * 1024;

function unreadableBecause(error: unknown): string {
  if (error instanceof NotRegularFileError) return error.message;
  if (error instanceof FileTooLargeError) return `${error.message}, over the limit of ${MAX_CONFIG_BYTES} bytes for scnc.json`;
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (error as Error).message;
}

/** Reads and checks the scnc.json at `file` (absolute); `shown` names it in errors. */
export async function readConfigFile(file: string, shown: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = readRegularFile(file, { followLinks: true, maxBytes: MAX_CONFIG_BYTES }).toString("utf8");
  } catch (error) {
    throw new ConfigError(`${shown}: cannot read the configuration: ${unreadableBecause(error)}`, shown);
  }
  return { path: shown, config: await parseConfig(text, shown) };
}

/**
 * The configuration for inputs in `cwd`: the file given with --config (relative to `cwd`), else
 * scnc.json in `cwd` or its nearest parent, else the defaults. ConfigLookup (lookup.ts) finds each
 * input's own; this is its answer for one directory.
 */
export async function loadConfig(options: { readonly cwd: string; readonly explicitPath?: string }): Promise<LoadedConfig> {
  const file = options.explicitPath !== undefined ? path.resolve(options.cwd, options.explicitPath) : await findConfigFile(options.cwd);
  if (!file) return { path: undefined, config: EMPTY };
  return readConfigFile(file, options.explicitPath ?? (path.relative(options.cwd, file) || CONFIG_FILE_NAME));
}
