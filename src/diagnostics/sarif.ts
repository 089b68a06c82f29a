import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import type { Rule } from "../rules/rule.js";
import { citeSources } from "../sources/catalogue.js";
import type { LineIndex } from "../language/line-index.js";
import type { Span } from "../language/span.js";
import { toRange, type CheckedFile } from "./checked-file.js";
import { countSeverities, type Severity } from "./diagnostic.js";
import type { DiagnosticsReport, RenderedFile, SarifPart, Write } from "./text.js";

export interface SarifTool {
  readonly name: string;
  readonly version: string;
  /** Where the tool's documentation lives (absolute URI). */
  readonly informationUri: string;
  /** The rule pages' base (absolute URI, ending in '/'): each rule's helpUri is `<base><id>.md`. */
  readonly ruleDocsBaseUri: string;
  readonly rules: readonly Rule[];
  /** Each rule's page in Markdown, shown by code-scanning UIs (optional: it makes the log larger). */
  readonly helpMarkdown?: (rule: Rule) => string;
}

/** Something that stopped scnc doing its whole job (exit 2): an input it could not read, a scnc.json
 * it could not use, an internal error. `file` is the path concerned, when there is one. */
export interface ToolProblem {
  readonly message: string;
  readonly file?: string;
}

/** The key of scnc's own fingerprint in `partialFingerprints` (versioned, as SARIF asks). */
export const FINGERPRINT_KEY = "scncFinding/v1";

const LEVEL: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = { error: "error", warning: "warning", info: "note" };

/**
 * A relative path as a relative URI reference (each segment percent-encoded); an absolute one as a
 * file: URI. Folders are split where the platform (`separator`) splits them: on Windows at `\\` and
 * `/`, elsewhere at `/` only, where a backslash is part of a name (`a\\b.scn` is `a%5Cb.scn`, not a
 * file `b.scn` in a folder `a`), as pathToFileURL encodes it in an absolute path.
 */
export function artifactUri(file: string, separator: string = path.sep): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  const segments = separator === "\\" ? file.split(/[\\/]/) : file.split("/");
  return segments.map((segment) => encodeURIComponent(segment)).join("/");
}

/** SARIF regions are 1-based with an exclusive end column, like ours; columns count UTF-16 units. */
function region(lineIndex: LineIndex, span: Span): Sarif.Region {
  const { start, end } = toRange(lineIndex, span);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function descriptor(rule: Rule, tool: SarifTool): Sarif.ReportingDescriptor {
  const fullDescription = rule.explain.trim().replace(/\s*\n\s*/g, " ") + (rule.inferred ? " (Inferred: Avaya's documents do not state this rule outright.)" : "");
  return {
    id: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: fullDescription },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    helpUri: `${tool.ruleDocsBaseUri}${rule.id}.md`,
    help: {
      text: `${fullDescription} Basis: ${rule.basis} Sources: ${rule.sources.length > 0 ? citeSources(rule.sources) : "none (part of the .scn language)"}.`,
      ...(tool.helpMarkdown ? { markdown: tool.helpMarkdown(rule) } : {}),
    },
    properties: { category: rule.category, tags: ["scnc", rule.category], ...(rule.inferred ? { inferred: true } : {}) },
  };
}

/** Text with its layout dropped: re-indenting or reflowing a file (scnc fmt) keeps its fingerprints. */
function collapsed(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The path as it is hashed: `/` between folders on every platform, so a run on Windows
 * (`nets\hq.scn`) and one on Linux (`nets/hq.scn`) give a finding the same fingerprint, and code
 * scanning keeps one alert whichever runner uploaded the log. Elsewhere than Windows a backslash is
 * part of a name and is kept, as artifactUri keeps it (`%5C`).
 */
function portablePath(file: string, paths: path.PlatformPath): string {
  return paths.sep === "\\" ? file.replaceAll("\\", "/") : file;
}

/**
 * What a finding is, without where it is: the rule, the file, the text it points at and the line
 * that text starts on (so `address 10.0.0.2` on two offices' lines differ). Line numbers are left
 * out, so adding or removing lines elsewhere keeps the fingerprint, and code scanning keeps the
 * alert's history. The text is the masked one (checkedFile), so no password is ever hashed.
 * Findings alike in all of that are told apart by their order (`:2`, `:3`), as GitHub's own
 * `primaryLocationLineHash` does. `paths`: the platform's path rules (a parameter so that the tests
 * can ask Windows' of them).
 */
export function fingerprints(file: CheckedFile, paths: path.PlatformPath = path): string[] {
  const seen = new Map<string, number>();
  const hashedPath = portablePath(file.path, paths);
  return file.diagnostics.map((diagnostic) => {
    const line = file.lineIndex.lineText(file.lineIndex.positionAt(diagnostic.span.start).line);
    const token = file.text.slice(diagnostic.span.start, diagnostic.span.end).slice(0, 500);
    const hash = createHash("sha256").update([diagnostic.ruleId, hashedPath, collapsed(token), collapsed(line)].join("\u0000")).digest("hex").slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

function result(file: CheckedFile, fileIndex: number, diagnostic: CheckedFile["diagnostics"][number], ruleIndex: ReadonlyMap<string, number>, fingerprint: string): Sarif.Result {
  const artifactLocation: Sarif.ArtifactLocation = { uri: artifactUri(file.path), index: fileIndex };
  const location = (span: Span): Sarif.PhysicalLocation => ({ artifactLocation, region: region(file.lineIndex, span) });
  const index = ruleIndex.get(diagnostic.ruleId);
  return {
    ruleId: diagnostic.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [{ physicalLocation: location(diagnostic.span) }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(diagnostic.related.length > 0
      ? { relatedLocations: diagnostic.related.map((related, id) => ({ id, physicalLocation: location(related.span), message: { text: related.message } })) }
      : {}),
    ...(diagnostic.fix
      ? {
        fixes: [{
          description: { text: diagnostic.fix.message },
          artifactChanges: [{
            artifactLocation,
            replacements: diagnostic.fix.edits.map((edit) => ({
              deletedRegion: region(file.lineIndex, edit.span),
              ...(edit.text === "" ? {} : { insertedContent: { text: edit.text } }),
            })),
          }],
        }],
      }
      : {}),
  };
}

const ruleIndexes = new WeakMap<readonly Rule[], ReadonlyMap<string, number>>();

/** Each rule's index in the log's rule list. */
function ruleIndexOf(rules: readonly Rule[]): ReadonlyMap<string, number> {
  let index = ruleIndexes.get(rules);
  if (!index) ruleIndexes.set(rules, (index = new Map(rules.map((rule, position) => [rule.id, position]))));
  return index;
}

/** A file's results, each pointing at artifact `fileIndex`. */
function fileResults(file: CheckedFile, fileIndex: number, ruleIndex: ReadonlyMap<string, number>): Sarif.Result[] {
  const prints = fingerprints(file);
  return file.diagnostics.map((diagnostic, index) => result(file, fileIndex, diagnostic, ruleIndex, prints[index] as string));
}

/** A file's part of the log (its results, for artifact 0 until placed), rendered by a batch job for
 * the collector in the main process (addRendered) to place after the files before it. */
export function renderSarifPart(file: CheckedFile, rules: readonly Rule[]): RenderedFile {
  return { shown: countSeverities(file.diagnostics), part: { uri: artifactUri(file.path), results: fileResults(file, 0, ruleIndexOf(rules)) } };
}

/** Points every location of a result made by renderSarifPart at artifact `index`. */
function placeResult(result: Sarif.Result, index: number): Sarif.Result {
  const locations = [...(result.locations ?? []), ...(result.relatedLocations ?? [])];
  for (const location of locations) if (location.physicalLocation?.artifactLocation) location.physicalLocation.artifactLocation.index = index;
  for (const fix of result.fixes ?? []) for (const change of fix.artifactChanges) change.artifactLocation.index = index;
  return result;
}

function notification(problem: ToolProblem): Sarif.Notification {
  return {
    level: "error",
    message: { text: problem.message },
    ...(problem.file !== undefined ? { locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(problem.file) } } }] } : {}),
  };
}

function artifact(uri: string): Sarif.Artifact {
  return { location: { uri }, sourceLanguage: "scn" };
}

/** The log: every rule described, every diagnostic a result. Each problem that kept scnc from
 * checking everything is a tool execution notification, and makes the invocation unsuccessful, so
 * code scanning never reads a failed run as "no alerts". */
function sarifDocument(tool: SarifTool, problems: readonly ToolProblem[], artifacts: Sarif.Artifact[] | string, results: Sarif.Result[] | string): Sarif.Log {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: tool.name,
          version: tool.version,
          semanticVersion: tool.version,
          informationUri: tool.informationUri,
          rules: tool.rules.map((rule) => descriptor(rule, tool)),
        },
      },
      invocations: [{
        executionSuccessful: problems.length === 0,
        ...(problems.length > 0 ? { toolExecutionNotifications: problems.map(notification) } : {}),
      }],
      artifacts: artifacts as Sarif.Artifact[],
      columnKind: "utf16CodeUnits",
      results: results as Sarif.Result[],
    }],
  };
}

/** Stand for the artifact and result lists in the rest of the log; JSON.stringify prints each as one string. */
const ARTIFACTS_PLACEHOLDER = "\u0000artifacts\u0000";
const RESULTS_PLACEHOLDER = "\u0000results\u0000";
/** How deep JSON.stringify(log, null, 2) indents an item of either list: log → runs → run → list. */
const ITEM_INDENT = " ".repeat(8);
/** Items joined into one string at a time. A run's long-lived strings are few and large, not one per
 * file: 20,000 small strings promoted over a long run pinned old-generation pages that a collection
 * could then not give back (peak memory 8 MB over the text format's at 20,000 files). Each piece
 * stays an ordinary young-generation string (under V8's 128 KB large-object size). */
const ITEMS_PER_CHUNK = 200;

/** A list of the log, kept as text in a few large strings: `separator` joins items within a chunk. */
class TextChunks {
  readonly chunks: string[] = [];
  private pending: string[] = [];

  constructor(private readonly separator: string) {}

  push(item: string): void {
    this.pending.push(item);
    if (this.pending.length === ITEMS_PER_CHUNK) this.flush();
  }

  /** Every chunk, the last one included. */
  all(): readonly string[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // join() makes one flat string: the pieces are garbage from here on.
    this.chunks.push(this.pending.join(this.separator));
    this.pending = [];
  }
}

/** An item as JSON.stringify(log, null, 2) prints it inside one of the run's lists. */
function listItem(value: unknown): string {
  return ITEM_INDENT + JSON.stringify(value, null, 2).replaceAll("\n", `\n${ITEM_INDENT}`);
}

/**
 * The SARIF 2.1.0 log of one check run, gathered file by file and written at the end exactly as
 * JSON.stringify(sarifLog(...), null, 2) prints it. Each file's results are rendered to text as it
 * arrives, and only that text and its URI are kept (not its text, nor result objects), so a run
 * over thousands of files holds what the log will say, nothing more.
 */
export class SarifCollector {
  private readonly ruleIndex: ReadonlyMap<string, number>;
  /** Each file's artifact URI, in order (URIs are percent-encoded: none holds a newline); its
   * artifact entry is made when the log is written. */
  private readonly uris = new TextChunks("\n");
  private readonly results = new TextChunks(",\n");
  private files = 0;

  constructor(private readonly tool: SarifTool) {
    this.ruleIndex = ruleIndexOf(tool.rules);
  }

  add(file: CheckedFile): void {
    const fileIndex = this.files++;
    this.uris.push(artifactUri(file.path));
    for (const made of fileResults(file, fileIndex, this.ruleIndex)) this.results.push(listItem(made));
  }

  /** A part made by renderSarifPart (with this tool's rules), as the next file. */
  addRendered(part: SarifPart): void {
    const fileIndex = this.files++;
    this.uris.push(part.uri);
    for (const made of part.results) this.results.push(listItem(placeResult(made as Sarif.Result, fileIndex)));
  }

  /** Writes the log, the two long lists in pieces. */
  writeLog(write: Write, problems: readonly ToolProblem[] = []): void {
    const text = JSON.stringify(sarifDocument(this.tool, problems, ARTIFACTS_PLACEHOLDER, RESULTS_PLACEHOLDER), null, 2) + "\n";
    const artifactsAt = text.indexOf(JSON.stringify(ARTIFACTS_PLACEHOLDER));
    const resultsAt = text.indexOf(JSON.stringify(RESULTS_PLACEHOLDER));
    write(text.slice(0, artifactsAt));
    writeList(write, this.uris.all().map((chunk) => chunk.split("\n").map((uri) => listItem(artifact(uri))).join(",\n")));
    write(text.slice(artifactsAt + JSON.stringify(ARTIFACTS_PLACEHOLDER).length, resultsAt));
    writeList(write, this.results.all());
    write(text.slice(resultsAt + JSON.stringify(RESULTS_PLACEHOLDER).length));
  }
}

/** A list's chunks of rendered items, as JSON.stringify prints the whole list there. */
function writeList(write: Write, chunks: readonly string[]): void {
  if (chunks.length === 0) {
    write("[]");
    return;
  }
  write("[\n");
  chunks.forEach((chunk, index) => write(chunk + (index < chunks.length - 1 ? ",\n" : "\n")));
  write(`${ITEM_INDENT.slice(2)}]`);
}

export function sarifLog(files: readonly CheckedFile[], tool: SarifTool, problems: readonly ToolProblem[] = []): Sarif.Log {
  const ruleIndex = ruleIndexOf(tool.rules);
  return sarifDocument(tool, problems, files.map((file) => artifact(artifactUri(file.path))), files.flatMap((file, index) => fileResults(file, index, ruleIndex)));
}

/** The SARIF report for check: files gathered as they arrive, the log written at the end (`problems` is read then, so it may still grow). */
export function sarifReport(write: Write, tool: SarifTool, problems: readonly ToolProblem[]): DiagnosticsReport {
  const collector = new SarifCollector(tool);
  return {
    add: (file) => collector.add(file),
    addRendered: ({ part }) => collector.addRendered(part as SarifPart),
    end: () => collector.writeLog(write, problems),
  };
}

export function renderSarif(files: readonly CheckedFile[], tool: SarifTool, problems: readonly ToolProblem[] = []): string {
  return JSON.stringify(sarifLog(files, tool, problems), null, 2) + "\n";
}
