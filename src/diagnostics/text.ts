import pc from "picocolors";
import type { CheckedFile } from "./checked-file.js";
import { codeFrame } from "./code-frame.js";
import { addCounts, countSeverities, type Diagnostic, type SeverityCounts } from "./diagnostic.js";
import { printable } from "../text/printable.js";

export interface TextOptions {
  readonly color: boolean;
  /** Warnings and infos left out by `--quiet`: the summary counts what is shown, and says this. */
  readonly hidden?: number;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "2 errors, 1 warning in 3 files" (infos are named only when there are some). */
export function summaryLine(counts: SeverityCounts, files: number): string {
  const parts = [plural(counts.errors, "error"), plural(counts.warnings, "warning")];
  if (counts.infos > 0) parts.push(plural(counts.infos, "info"));
  return `${parts.join(", ")} in ${plural(files, "file")}`;
}

/** One diagnostic as `scnc check` prints it: the location line, the code frame, related places, the fix. */
export function renderDiagnostic(file: CheckedFile, diagnostic: Diagnostic, colors: ReturnType<typeof pc.createColors>): string {
  const { line, column } = file.lineIndex.positionAt(diagnostic.span.start);
  const path = printable(file.path);
  const paint = diagnostic.severity === "error" ? colors.red : diagnostic.severity === "warning" ? colors.yellow : colors.cyan;
  const lines = [
    `${colors.bold(`${path}:${line}:${column}`)} ${paint(diagnostic.severity)} ${colors.dim(diagnostic.ruleId)} ${printable(diagnostic.message)}`,
    codeFrame(file.lineIndex, diagnostic.span, { gutter: colors.dim, marker: paint }, file.maskedRuns),
  ];
  for (const related of diagnostic.related) {
    const position = file.lineIndex.positionAt(related.span.start);
    lines.push(`  ${colors.dim("related:")} ${path}:${position.line}:${position.column} ${printable(related.message)}`);
  }
  if (diagnostic.fix) lines.push(`  ${colors.green("help:")} ${printable(diagnostic.fix.message)}`);
  return lines.join("\n");
}

/** Where a report writes: the CLI's stdout, stderr or a buffer. */
export type Write = (text: string) => void;

/** A diagnostics report written file by file, as results arrive, so a run over thousands of files
 * keeps no file once it is written (flat memory); the summary follows the last file. */
export interface DiagnosticsReport {
  add(file: CheckedFile): void;
  /** A file rendered elsewhere (by a batch job, with renderFilePart for this report's format and options). */
  addRendered(file: RenderedFile): void;
  end(): void;
}

/** One file's part of a report, rendered where the file was checked, so that the process writing the
 * report only joins parts in input order (src/cli/batch/). Plain data: it crosses to other threads and processes. */
export interface RenderedFile {
  /** The diagnostics the part shows, counted (the report's summary counts these). */
  readonly shown: SeverityCounts;
  /** text: its blocks; json: its entry as the document reads it; sarif: its artifact's URI and its results. */
  readonly part: string | SarifPart;
}

/** A file's SARIF results, made without knowing the file's artifact index (the report sets it). */
export interface SarifPart {
  readonly uri: string;
  readonly results: readonly object[];
}

/** The text report's blocks of one file: every diagnostic, each followed by a blank line. */
export function textBlocks(file: CheckedFile, colors: ReturnType<typeof pc.createColors>): string[] {
  return file.diagnostics.map((diagnostic) => `${renderDiagnostic(file, diagnostic, colors)}\n\n`);
}

export function renderTextPart(file: CheckedFile, color: boolean): RenderedFile {
  return { shown: countSeverities(file.diagnostics), part: textBlocks(file, pc.createColors(color)).join("") };
}

/** The human format: one block per diagnostic, written as each file arrives, then a summary line.
 * `hidden`: warnings and infos `--quiet` left out, read when the report ends. */
export function textReport(write: Write, options: { readonly color: boolean; readonly hidden?: () => number }): DiagnosticsReport {
  const colors = pc.createColors(options.color);
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
  let files = 0;
  return {
    add(file) {
      files++;
      countSeverities(file.diagnostics, counts);
      for (const block of textBlocks(file, colors)) write(block);
    },
    addRendered({ shown, part }) {
      files++;
      addCounts(counts, shown);
      if (part !== "") write(part as string);
    },
    end() {
      const hidden = options.hidden?.() ?? 0;
      write(`${summaryLine(counts, files)}${hidden ? ` (${hidden} hidden by --quiet)` : ""}\n`);
    },
  };
}

/** The human format of CLI.md: one block per diagnostic, then a summary line. */
export function renderText(files: readonly CheckedFile[], options: TextOptions): string {
  let text = "";
  const report = textReport((chunk) => (text += chunk), { color: options.color, hidden: () => options.hidden ?? 0 });
  for (const file of files) report.add(file);
  report.end();
  return text;
}
