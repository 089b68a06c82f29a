import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { existingLineNumbers, NO_LINE_NUMBERS } from "../../../src/compile/line-numbers.js";
import { buildFiles } from "./build.js";
import { inProcess } from "./cli.js";
import { ensureNone } from "./violation.js";

/**
 * `build` and `plan` on a real output directory, one network after another: after `build`, the
 * directory holds exactly the files build computes (plus what the user put there, untouched);
 * `build --check` then exits 0 and `plan` shows nothing to change; `plan --detailed-exitcode` of
 * the next network exits 2 exactly when its files differ (numbering lines as the previous build
 * did); `build` of it removes what the previous manifest listed and no longer applies.
 */

function filesUnder(directory: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(directory, full).split(path.sep).join("/"), readFileSync(full, "utf8"));
  }
  return files;
}

export async function checkOutputDirectory(texts: readonly string[]): Promise<void> {
  const problems: string[] = [];
  const directory = mkdtempSync(path.join(tmpdir(), "scnc-fuzz-out-"));
  try {
    const out = path.join(directory, "out");
    let previous: Map<string, string> | undefined;
    for (const [index, text] of texts.entries()) {
      const what = `network ${index + 1}`;
      writeFileSync(path.join(directory, "network.scn"), text);
      // The CLI's reader refuses a file with a NUL byte before anything is checked (CLI.md).
      const lineNumbers = previous
        ? existingLineNumbers({ manifestText: previous.get("manifest.json"), ownedPaths: [...previous.keys()], files: previous })
        : NO_LINE_NUMBERS;
      const expected = text.includes("\0") ? undefined : buildFiles(text, { format: "json", resolveSecrets: false }, {}, [], lineNumbers);
      const plan = await inProcess(["plan", "network.scn", "-o", "out", "--detailed-exitcode"], directory);
      if (expected && previous) {
        // Device files only: the manifest's scncVersion is the package's on disk and "0.0.0-fuzz" in `expected`.
        const devices = (files: Map<string, string>): string => JSON.stringify([...files].filter(([file]) => file.includes("/")).sort());
        const differs = devices(expected) !== devices(previous);
        if (plan.code !== (differs ? 2 : 0)) problems.push(`${what}: plan exited ${plan.code}, but the files ${differs ? "differ" : "are the same"}: ${plan.stdout.slice(0, 300)}`);
      }
      const build = await inProcess(["build", "network.scn", "-o", "out"], directory);
      if (!expected) {
        // 1 for errors in the network; 2 when the file cannot be read at all (a NUL byte).
        if (build.code === 0) problems.push(`${what}: build wrote a network it should refuse`);
        continue;
      }
      if (build.code !== 0) {
        problems.push(`${what}: build exited ${build.code}: ${build.stderr.slice(0, 300)}`);
        continue;
      }
      if (!previous) writeFileSync(path.join(out, "user-notes.txt"), "the user's own file\n");
      const onDisk = filesUnder(out);
      const notes = onDisk.get("user-notes.txt");
      onDisk.delete("user-notes.txt");
      if (notes !== "the user's own file\n") problems.push(`${what}: build touched a file it did not write`);
      const manifestOf = (files: Map<string, string>): string => JSON.stringify(JSON.parse(files.get("manifest.json") ?? "{}").files ?? []);
      const missing = [...expected.keys()].filter((file) => !onDisk.has(file));
      const extra = [...onDisk.keys()].filter((file) => !expected.has(file));
      const changed = [...expected].filter(([file, content]) => onDisk.has(file) && file !== "manifest.json" && onDisk.get(file) !== content).map(([file]) => file);
      if (missing.length + extra.length + changed.length > 0 || manifestOf(onDisk) !== manifestOf(expected)) {
        problems.push(`${what}: the directory does not hold what build computes: missing ${missing.join(", ") || "-"}, extra ${extra.join(", ") || "-"}, changed ${changed.join(", ") || "-"}`);
      }
      const check = await inProcess(["build", "network.scn", "-o", "out", "--check"], directory);
      if (check.code !== 0) problems.push(`${what}: build --check right after build exited ${check.code}: ${check.stdout.slice(0, 300)}`);
      const again = await inProcess(["plan", "network.scn", "-o", "out"], directory);
      if (again.code !== 0) problems.push(`${what}: plan right after build exited ${again.code}: ${again.stdout.slice(0, 300)}`);
      previous = filesUnder(out);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  ensureNone(problems, "build and plan on a directory");
}
