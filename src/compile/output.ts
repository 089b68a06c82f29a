import { hash } from "node:crypto";
import { officeChecklist } from "./checklist/office.js";
import { serverChecklist } from "./checklist/server.js";
import type { CompiledNetwork, DeviceDocument } from "./documents.js";
import { manifestJson, officeJson, serverJson } from "./document-json.js";
import { canonicalJson } from "./json.js";
import { lineNumberList, lineNumberTable, type LineNumberList } from "./line-numbers.js";
import { byCodeUnits } from "./order.js";
import type { Step } from "./steps/model.js";
import { documentProblems, manifestProblems } from "./validate.js";

export type OutputFormat = "json" | "checklist";

export interface DeviceReference {
  readonly kind: "office" | "server";
  readonly name: string;
}

export interface OutputFile {
  /** Relative to the output directory, with `/` separators. */
  readonly path: string;
  readonly content: string;
  /** The device the file configures; absent for the manifest. */
  readonly device?: DeviceReference;
}

export interface RenderedOutput {
  /** One file per device, sorted by path. */
  readonly devices: readonly OutputFile[];
  /** With `hashesPending`, its content holds PENDING_SHA256 in place of each file's hash, for
   * whoever writes it to fill in (src/cli/tree-writer.ts): it is not the manifest's text yet. */
  readonly manifest: OutputFile & { readonly hashesPending?: true };
}

export interface ManifestDocument {
  readonly manifestVersion: 1;
  readonly network: string;
  readonly scncVersion: string;
  readonly format: OutputFormat;
  readonly secretsResolved: boolean;
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
  /** Office → peer → SCN line number, so the next build keeps them whatever its format. */
  readonly lineNumbers: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface RenderOptions {
  readonly format: OutputFormat;
  readonly scncVersion: string;
  readonly secretsResolved: boolean;
  /** Check every document and the manifest against their schemas before returning them (default
   * true). `scnc build` turns it off unless SCNC_VALIDATE_OUTPUT=1: the tests validate every file
   * the examples and goldens compile to, and a batch build of 1,000 networks spent a fifth of a
   * check's time re-validating its own output. */
  readonly validate?: boolean;
  /** Leave each file's sha256 in the manifest as PENDING_SHA256 (`hashesPending`): a batch build's
   * writer thread hashes the files it writes, beside the thread that compiles the next network. Only
   * where nothing compares the manifest's text (a new output directory). */
  readonly deferHashes?: boolean;
}

/** Stands in for a file's sha256 in a manifest whose hashes are pending: as long as one, so that
 * the manifest's other bytes are where they will be. */
export const PENDING_SHA256 = "0".repeat(64);
/** A pending hash as the manifest prints it. No string value can hold it (its quotes would be
 * escaped), and `files` comes first, so its Nth occurrence is the Nth file's. */
export const PENDING_SHA256_FIELD = `"sha256": "${PENDING_SHA256}"`;

export const MANIFEST_PATH = "manifest.json";

export function devicePath(device: DeviceReference, format: OutputFormat): string {
  return `${device.kind}s/${device.name}.${format === "json" ? "json" : "md"}`;
}

/** The device a manifest path names ("offices/hq.json" → office hq). */
export function deviceOfPath(path: string): DeviceReference | undefined {
  const match = /^(office|server)s\/([^/]+)\.(?:json|md)$/.exec(path);
  return match ? { kind: match[1] as DeviceReference["kind"], name: match[2] as string } : undefined;
}

export function sha256(content: string): string {
  // One call, not createHash().update().digest(): a batch build hashes 37,000 small files.
  return hash("sha256", content, "hex");
}

function stepsOf(compiled: CompiledNetwork, document: DeviceDocument): readonly Step[] {
  const found = compiled.steps.find(({ device }) => device.kind === document.kind && device.name === document.name);
  if (!found) throw new Error(`no checklist steps for ${document.kind} '${document.name}'`);
  return found.steps;
}

function renderDocument(compiled: CompiledNetwork, document: DeviceDocument, format: OutputFormat): string {
  if (format === "json") return document.kind === "office" ? officeJson(document) : serverJson(document);
  const steps = stepsOf(compiled, document);
  return document.kind === "office" ? officeChecklist(document, steps) : serverChecklist(document, steps);
}

/** A document that breaks its own schema is a bug in scnc, never something to write. */
function assertValid(problems: readonly string[], what: string): void {
  if (problems.length > 0) throw new Error(`${what} does not match its schema: ${problems.join("; ")}`);
}

/** The printers of document-json.ts give exactly canonicalJson's bytes; a difference is a bug in scnc. */
function assertCanonical(printed: string, document: unknown, what: string): void {
  if (printed !== canonicalJson(document)) throw new Error(`${what} is not printed as canonicalJson prints it`);
}

/** The manifest as manifestJson prints it: its line numbers as a list (lineNumberList). */
export type ManifestToPrint = Omit<ManifestDocument, "lineNumbers"> & { readonly lineNumbers: LineNumberList };

function manifestToPrint(compiled: CompiledNetwork, devices: readonly OutputFile[], options: RenderOptions): ManifestToPrint {
  return {
    files: devices.map((file) => ({ path: file.path, sha256: options.deferHashes === true ? PENDING_SHA256 : sha256(file.content) })),
    format: options.format,
    lineNumbers: lineNumberList(compiled),
    manifestVersion: 1,
    network: compiled.network,
    scncVersion: options.scncVersion,
    secretsResolved: options.secretsResolved,
  };
}

/** The manifest as its JSON reads, with its keys in code-unit order, as canonicalJson prints them. */
function asDocument(manifest: ManifestToPrint): ManifestDocument {
  const { files, format, lineNumbers, manifestVersion, network, scncVersion, secretsResolved } = manifest;
  return { files, format, lineNumbers: lineNumberTable(lineNumbers), manifestVersion, network, scncVersion, secretsResolved };
}

/** The manifest of the device files (sorted by path). */
export function manifestDocument(compiled: CompiledNetwork, devices: readonly OutputFile[], options: RenderOptions): ManifestDocument {
  return asDocument(manifestToPrint(compiled, devices, options));
}

/** Compiled documents → the files of OUTPUT.md, each validated against its schema and its JSON
 * compared with canonicalJson's (unless `validate` is false). Pure. */
export function renderOutput(compiled: CompiledNetwork, options: RenderOptions): RenderedOutput {
  const validate = options.validate !== false;
  const devices = [...compiled.offices, ...compiled.servers].map((document): OutputFile => {
    if (validate) assertValid(documentProblems(document), `${document.kind} '${document.name}'`);
    const device = { kind: document.kind, name: document.name };
    const content = renderDocument(compiled, document, options.format);
    if (validate && options.format === "json") assertCanonical(content, document, `${document.kind} '${document.name}'`);
    return { path: devicePath(device, options.format), content, device };
  });
  devices.sort((first, second) => byCodeUnits(first.path, second.path));
  const manifest = manifestToPrint(compiled, devices, options);
  const content = manifestJson(manifest);
  if (validate) {
    const document = asDocument(manifest);
    assertValid(manifestProblems(document), "the manifest");
    assertCanonical(content, document, "the manifest");
  }
  return { devices, manifest: { path: MANIFEST_PATH, content, ...(options.deferHashes === true ? { hashesPending: true as const } : {}) } };
}
