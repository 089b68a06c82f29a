import path from "node:path";
import type { CheckedFile } from "./checked-file.js";
import { toRange } from "./checked-file.js";
import { addCounts, countSeverities } from "./diagnostic.js";
import type { DiagnosticsReport, RenderedFile, Write } from "./text.js";

// The `--format json` document of CLI.md. Keys appear in the documented order.

/** A file as JSON names it: with `/` between folders on every platform (CLI.md's `"nets/acme.scn"`),
 * where a directory's files are named `nets\\acme.scn` on Windows in text. Elsewhere a backslash is
 * part of a name and is kept. */
export function jsonFileName(file: string, separator: string = path.sep): string {
  return separator === "/" ? file : file.replaceAll(separator, "/");
}

/** One file's entry of the JSON report. */
function fileEntry(file: CheckedFile): object {
  return {
    file: jsonFileName(file.path),
    diagnostics: file.diagnostics.map((diagnostic) => ({
      ruleId: diagnostic.ruleId,
      severity: diagnostic.severity,
      message: diagnostic.message,
      range: toRange(file.lineIndex, diagnostic.span),
      ...(diagnostic.related.length > 0
        ? { related: diagnostic.related.map((related) => ({ message: related.message, range: toRange(file.lineIndex, related.span) })) }
        : {}),
      ...(diagnostic.fix
        ? {
          fix: {
            message: diagnostic.fix.message,
            edits: diagnostic.fix.edits.map((edit) => ({ range: toRange(file.lineIndex, edit.span), text: edit.text })),
          },
        }
        : {}),
    })),
  };
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels down. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/** A file's entry as the JSON report reads it, for a report in another thread or process to join. */
export function renderJsonPart(file: CheckedFile): RenderedFile {
  return { shown: countSeverities(file.diagnostics), part: nested(fileEntry(file), 2) };
}

/**
 * The JSON report, written file by file as results arrive: byte for byte what
 * `JSON.stringify({version, files, summary}, null, 2)` gives, without holding every file.
 */
export function jsonReport(write: Write): DiagnosticsReport {
  const summary = { errors: 0, warnings: 0, infos: 0, files: 0 };
  write('{\n  "version": 1,\n  "files": [');
  return {
    add(file) {
      write(`${summary.files === 0 ? "" : ","}\n    ${nested(fileEntry(file), 2)}`);
      summary.files++;
      countSeverities(file.diagnostics, summary);
    },
    addRendered({ shown, part }) {
      write(`${summary.files === 0 ? "" : ","}\n    ${part as string}`);
      summary.files++;
      addCounts(summary, shown);
    },
    end() {
      write(`${summary.files === 0 ? "" : "\n  "}],\n  "summary": ${nested(summary, 1)}\n}\n`);
    },
  };
}

export function renderJson(files: readonly CheckedFile[]): string {
  let text = "";
  const report = jsonReport((chunk) => (text += chunk));
  for (const file of files) report.add(file);
  report.end();
  return text;
}
