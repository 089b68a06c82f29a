import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { checkedFile, type CheckedFile } from "../../src/diagnostics/checked-file.js";
import { jsonReport, renderJson } from "../../src/diagnostics/json.js";
import { sarifLog, sarifReport } from "../../src/diagnostics/sarif.js";
import { renderText, textReport } from "../../src/diagnostics/text.js";
import { SARIF_TOOL } from "../../src/cli/commands/check.js";
import { repositoryRoot } from "../support/cli.js";

// check writes each file's diagnostics as the file arrives (flat memory over many files); the
// streamed documents must be byte for byte what the whole-document renderers give.
const examples = ["examples", "examples/broken"].flatMap((directory) =>
  readdirSync(path.join(repositoryRoot, directory)).filter((name) => name.endsWith(".scn")).map((name) => `${directory}/${name}`));
const files: CheckedFile[] = examples.map((file) => {
  const text = readFileSync(path.join(repositoryRoot, file), "utf8");
  return checkedFile(file, text, checkText(text).diagnostics);
});

function streamed(make: (write: (text: string) => void) => { add(file: CheckedFile): void; end(): void }, chosen: readonly CheckedFile[]): { text: string; chunks: number } {
  let text = "";
  let chunks = 0;
  const report = make((chunk) => {
    text += chunk;
    chunks++;
  });
  for (const file of chosen) report.add(file);
  report.end();
  return { text, chunks };
}

describe("streamed diagnostics reports", () => {
  it.each([0, 1, 2, files.length])("JSON of %i files is JSON.stringify's own layout of the same document", (count) => {
    const chosen = files.slice(0, count);
    const whole = renderJson(chosen);
    expect(whole).toBe(JSON.stringify(JSON.parse(whole), null, 2) + "\n");
    const { text, chunks } = streamed(jsonReport, chosen);
    expect(text).toBe(whole);
    expect(chunks).toBe(count + 2); // the opening, one chunk per file as it arrives, the close
    expect(JSON.parse(text).summary.files).toBe(count);
  });

  it("text is written a block per diagnostic as each file arrives, then the summary", () => {
    const { text, chunks } = streamed((write) => textReport(write, { color: false }), files);
    expect(text).toBe(renderText(files, { color: false }));
    expect(chunks).toBe(files.reduce((sum, file) => sum + file.diagnostics.length, 0) + 1);
    expect(text.endsWith(` in ${files.length} files\n`)).toBe(true);
  });

  it("SARIF keeps each file's results, not the file, and writes the same log", () => {
    const problems = [{ message: "x.scn: permission denied", file: "x.scn" }];
    const { text } = streamed((write) => sarifReport(write, SARIF_TOOL, problems), files);
    expect(text).toBe(JSON.stringify(sarifLog(files, SARIF_TOOL, problems), null, 2) + "\n");
    expect(JSON.parse(text).runs[0].results.length).toBe(files.reduce((sum, file) => sum + file.diagnostics.length, 0));
  });

  // The collector keeps its lists as text joined a few hundred items at a time: a log longer than
  // one piece, and one with files but no results, must still be JSON.stringify's layout.
  it.each([
    ["hundreds of files and results", Array.from({ length: 12 }, () => files).flat()],
    ["clean files only", files.filter((file) => file.diagnostics.length === 0).flatMap((file) => Array.from({ length: 450 }, () => file))],
  ])("SARIF of %s is the same log in pieces", (_, chosen) => {
    const { text } = streamed((write) => sarifReport(write, SARIF_TOOL, []), chosen);
    expect(text).toBe(JSON.stringify(sarifLog(chosen, SARIF_TOOL), null, 2) + "\n");
    const run = JSON.parse(text).runs[0];
    expect(run.artifacts.length).toBe(chosen.length);
    expect(chosen.length + run.results.length).toBeGreaterThan(400);
  });
});
