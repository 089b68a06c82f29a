import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import type { Rule } from "../rules/rule.js";
import { citeSources } from "../sources/catalogue.js";
import type { LineIndex } from "../language/line-index.js";
import type { Span } from "../language/span.js";
import { toRange, type CheckedFile } from "./checked-file.js";
import type { Severity } from "./diagnostic.js";

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

const LEVEL: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = { error: "error", warning: "warning", info: "note" };

/** A relative path as a relative URI reference (each segment percent-encoded); an absolute one as a file: URI. */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join("/");
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

function result(file: CheckedFile, fileIndex: number, diagnostic: CheckedFile["diagnostics"][number], ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  const artifactLocation: Sarif.ArtifactLocation = { uri: artifactUri(file.path), index: fileIndex };
  const location = (span: Span): Sarif.PhysicalLocation => ({ artifactLocation, region: region(file.lineIndex, span) });
  const index = ruleIndex.get(diagnostic.ruleId);
  return {
    ruleId: diagnostic.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [{ physicalLocation: location(diagnostic.span) }],
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

/** The SARIF 2.1.0 log of one check run: one run, every rule described, every diagnostic a result. */
export function sarifLog(files: readonly CheckedFile[], tool: SarifTool): Sarif.Log {
  const ruleIndex = new Map(tool.rules.map((rule, index) => [rule.id, index]));
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
      artifacts: files.map((file) => ({ location: { uri: artifactUri(file.path) }, sourceLanguage: "scn" })),
      columnKind: "utf16CodeUnits",
      results: files.flatMap((file, fileIndex) => file.diagnostics.map((diagnostic) => result(file, fileIndex, diagnostic, ruleIndex))),
    }],
  };
}

export function renderSarif(files: readonly CheckedFile[], tool: SarifTool): string {
  return JSON.stringify(sarifLog(files, tool), null, 2) + "\n";
}
