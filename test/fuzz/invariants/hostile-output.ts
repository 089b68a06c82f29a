import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inProcess } from "./cli.js";
import { ensureNone } from "./violation.js";

/**
 * A hostile output directory (issue 17 items 1 and 2, docs/security.md F1): whatever build owns,
 * and whatever a pull request puts in its place (a link to a file holding a marker, a link to a
 * folder, a folder, a link to a device), `plan`, `build` and `build --check` exit 2 with one line
 * saying it is not scnc's, print nothing of the target, and leave the planted entry where it was.
 * FIFOs are left to test/cli/hostile-files.test.ts, which meets them in a child process with a time
 * limit: here a regression would hang the test runner.
 */
export const HOSTILE_KINDS = ["link to a file", "link to a folder", "folder", "link to a device"] as const;
export const HOSTILE_COMMANDS = [["plan"], ["build"], ["build", "--check"], ["plan", "--format", "checklist"]] as const;
const MARKER = "SCNC_FUZZ_LEAK_MARKER";

export interface HostileCase {
  readonly text: string;
  /** Picks the owned entry (a file build wrote, the manifest, or a folder above one). */
  readonly entry: number;
  readonly kind: (typeof HOSTILE_KINDS)[number];
  readonly command: number;
}

function ownedEntries(out: string): string[] {
  const files = readdirSync(out, { recursive: true }).map((name) => String(name).split(path.sep).join("/"));
  return files.sort();
}

export async function checkHostileOutputDirectory(input: HostileCase): Promise<void> {
  // Windows lets only administrators create symbolic links.
  if (process.platform === "win32") return;
  const problems: string[] = [];
  const directory = mkdtempSync(path.join(tmpdir(), "scnc-fuzz-hostile-"));
  try {
    writeFileSync(path.join(directory, "network.scn"), input.text);
    writeFileSync(path.join(directory, "secret.txt"), `${MARKER}=1\n`);
    mkdirSync(path.join(directory, "elsewhere"));
    writeFileSync(path.join(directory, "elsewhere/hq.json"), `{"${MARKER}": 1}\n`);
    const built = await inProcess(["build", "network.scn", "-o", "out"], directory);
    if (built.code !== 0) return; // a network build refuses: nothing is owned yet
    const out = path.join(directory, "out");
    const entries = ownedEntries(out);
    const entry = entries[input.entry % entries.length] as string;
    const target = path.join(out, entry);
    // An empty folder where build keeps its device files is no attack: plan just sees them missing.
    if (input.kind === "folder" && !entry.includes(".")) return;
    rmSync(target, { recursive: true, force: true });
    if (input.kind === "link to a file") symlinkSync(path.join(directory, "secret.txt"), target);
    else if (input.kind === "link to a folder") symlinkSync(path.join(directory, "elsewhere"), target);
    else if (input.kind === "folder") mkdirSync(target);
    else symlinkSync("/dev/null", target);
    const command = HOSTILE_COMMANDS[input.command % HOSTILE_COMMANDS.length] as readonly string[];
    const run = await inProcess([...command, "network.scn", "-o", "out"], directory);
    const what = `${command.join(" ")} with ${input.kind} at out/${entry}`;
    const output = run.stdout + run.stderr;
    if (output.includes(MARKER)) problems.push(`${what}: printed the planted file's content`);
    if (run.code !== 2) problems.push(`${what}: exited ${run.code}, not 2`);
    // The network's own warnings come first (they quote the .scn file); then scnc's one line.
    const failures = run.stderr.split("\n").filter((line) => line.startsWith("scnc: "));
    if (failures.length !== 1 || !/^scnc: out\/.*: not a (file|folder) scnc wrote \(.*\); move it away, then build again$/.test(failures[0] as string) ||
      !run.stderr.endsWith(`${failures[0]}\n`)) {
      problems.push(`${what}: stderr does not end with the one line "not a file scnc wrote": ${JSON.stringify(failures.join("\n").slice(0, 300))}`);
    }
    if (run.stdout !== "") problems.push(`${what}: printed on stdout: ${JSON.stringify(run.stdout.slice(0, 200))}`);
    if (!ownedEntries(out).includes(entry)) problems.push(`${what}: the planted entry is gone`);
    if (readFileSync(path.join(directory, "secret.txt"), "utf8") !== `${MARKER}=1\n`) problems.push(`${what}: the link's target changed`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  ensureNone(problems, "a hostile output directory");
}
