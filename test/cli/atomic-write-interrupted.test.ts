import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { manualInterrupts } from "../../src/cli/interrupt.js";
import { BIN, spawnUntil } from "../compile/run-scnc.js";
import { repositoryRoot, runCli } from "../support/cli.js";
import { cleanNetwork, workspaceWith } from "./workspace.js";

// One safe fix (a timeout manual failback ignores), and an indentation fmt rewrites.
const FIXABLE = `network "F" {
  release 11.1
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 failback manual 5 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`;
const UNFORMATTED = cleanNetwork.replace(/\n {2}/g, "\n      ");

/** The old bytes each command's target holds before it runs. */
const OLD = "old bytes\n";
/** The hook that makes each write wait, its new file complete, until the test's signal comes. */
const PAUSE = { SCNC_TEST_PAUSE_BEFORE_RENAME_MS: "60000", VM_PASSWORD: "hunter22" };

const commands: { name: string; files: Record<string, string>; args: string[]; target: string }[] = [
  { name: "check --output-file", files: { "net.scn": cleanNetwork, "out.sarif": OLD }, args: ["check", "--format", "sarif", "--output-file", "out.sarif", "net.scn"], target: "out.sarif" },
  { name: "runbook -o", files: { "net.scn": cleanNetwork, "runbook.md": OLD }, args: ["runbook", "net.scn", "-o", "runbook.md"], target: "runbook.md" },
  { name: "report -o", files: { "net.scn": cleanNetwork, "report.html": OLD }, args: ["report", "net.scn", "-o", "report.html"], target: "report.html" },
  { name: "simulate --all --output-file", files: { "net.scn": cleanNetwork, "matrix.json": OLD }, args: ["simulate", "net.scn", "--all", "--format", "json", "--output-file", "matrix.json"], target: "matrix.json" },
  { name: "licenses --output-file", files: { "net.scn": cleanNetwork, "licenses.txt": OLD }, args: ["licenses", "net.scn", "--output-file", "licenses.txt"], target: "licenses.txt" },
  { name: "fmt", files: { "net.scn": UNFORMATTED }, args: ["fmt", "net.scn"], target: "net.scn" },
  { name: "check --fix", files: { "net.scn": FIXABLE }, args: ["check", "--fix", "net.scn"], target: "net.scn" },
];

/** Names only a write under way leaves beside its target: `.NAME.scnc-TOKEN`. */
const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.includes(".scnc-"));

describe("Ctrl-C while a command writes one file", () => {
  it.each(commands)("$name: the temporary file is deleted, the target keeps its old bytes, exit 128 + the signal", async ({ files, args, target }) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const cwd = workspaceWith(files);
      const before = readFileSync(path.join(cwd, target));
      const interrupts = manualInterrupts();
      let seen: string[] = [];
      const run = await runCli(args, {
        cwd,
        env: PAUSE,
        interrupts,
        onWrite: (stream, text) => {
          if (stream !== "stderr" || !text.includes("paused before rename")) return;
          seen = leftovers(cwd);
          interrupts.request(signal);
        },
      });
      expect(seen).toEqual([expect.stringMatching(new RegExp(`^\\.${target.replace(".", "\\.")}\\.scnc-[0-9a-f]{12}$`))]);
      expect(run.code).toBe(signal === "SIGINT" ? 130 : 143);
      expect(run.stderr).toContain(`scnc: interrupted (${signal}); ${target} was left as it was\n`);
      expect(leftovers(cwd)).toEqual([]);
      expect(readFileSync(path.join(cwd, target))).toEqual(before);
    }
  });

  it("fmt of many files stops at the one it was writing: those before it are formatted, the rest are not touched", async () => {
    const cwd = workspaceWith({ "a.scn": UNFORMATTED, "b.scn": UNFORMATTED, "c.scn": UNFORMATTED });
    const interrupts = manualInterrupts();
    let pauses = 0;
    const run = await runCli(["fmt", "a.scn", "b.scn", "c.scn"], {
      cwd,
      env: { SCNC_TEST_PAUSE_BEFORE_RENAME_MS: "1" },
      interrupts,
      onWrite: (stream, text) => {
        if (stream === "stderr" && text.includes("paused before rename") && ++pauses === 2) interrupts.request("SIGINT");
      },
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("scnc: interrupted (SIGINT); b.scn was left as it was\n");
    const formatted = (await runCli(["fmt", "--stdout", "a.scn"], { cwd: workspaceWith({ "a.scn": UNFORMATTED }) })).stdout;
    expect(formatted).not.toBe(UNFORMATTED);
    expect(readFileSync(path.join(cwd, "a.scn"), "utf8")).toBe(formatted);
    expect(readFileSync(path.join(cwd, "b.scn"), "utf8")).toBe(UNFORMATTED);
    expect(readFileSync(path.join(cwd, "c.scn"), "utf8")).toBe(UNFORMATTED);
    expect(leftovers(cwd)).toEqual([]);
  });

  it("check --output-file stops at the next file when the signal comes while it checks, the report file keeping its old bytes", async () => {
    const files = Object.fromEntries(["a", "b", "c", "d"].map((name) => [`${name}.scn`, cleanNetwork]));
    const cwd = workspaceWith({ ...files, "broken.scn": new Uint8Array([0xff]), "late.scn": new Uint8Array([0xff]), "out.json": OLD });
    const interrupts = manualInterrupts();
    let seen: string[] = [];
    // broken.scn is reported on stderr as it is reached, after a.scn; late.scn, last, would be too if checking went on.
    const run = await runCli(["check", "--format", "json", "--output-file", "out.json", "a.scn", "broken.scn", "b.scn", "c.scn", "d.scn", "late.scn"], {
      cwd,
      interrupts,
      onWrite: (stream, text) => {
        if (stream !== "stderr" || !text.includes("broken.scn")) return;
        seen = leftovers(cwd);
        interrupts.request("SIGINT");
      },
    });
    expect(seen).toEqual([expect.stringMatching(/^\.out\.json\.scnc-[0-9a-f]{12}$/)]);
    expect(run.code).toBe(130);
    expect(run.stderr).toBe("scnc: broken.scn: is not UTF-8 text (invalid byte 0xff at line 1, column 1)\nscnc: interrupted (SIGINT); out.json was left as it was\n");
    expect(leftovers(cwd)).toEqual([]);
    expect(readFileSync(path.join(cwd, "out.json"), "utf8")).toBe(OLD);
  });

  it("check - --output-file: a signal while standard input is still to come stops the wait", async () => {
    const cwd = workspaceWith({ "out.json": OLD });
    const interrupts = manualInterrupts();
    setTimeout(() => interrupts.request("SIGINT"), 20);
    // Input that never ends, as a terminal's before Ctrl-D.
    const run = await runCli(["check", "-", "--format", "json", "--output-file", "out.json"], { cwd, interrupts, stdin: new Promise(() => undefined) });
    expect([run.code, run.stderr]).toEqual([130, "scnc: interrupted (SIGINT); out.json was left as it was\n"]);
    expect(readdirSync(cwd)).toEqual(["out.json"]);
    expect(readFileSync(path.join(cwd, "out.json"), "utf8")).toBe(OLD);
  });

  // A real signal, not manualInterrupts(): Node runs its handler only when the event loop gets a
  // turn, which a batch checked on the main thread alone must give it (src/cli/commands/check.ts).
  it.each(["1", "2"])("a real Ctrl-C in the middle of a long check --output-file --jobs %s stops it there", async (jobs) => {
    const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8");
    const cwd = workspaceWith({ ...Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`nets/net-${index}.scn`, acme])), "out.json": OLD });
    const child = spawn(process.execPath, [BIN, "check", "--format", "json", "--jobs", jobs, "--output-file", "out.json", "nets"], { cwd });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    // The report under way has had its first 64 KiB written: some 30 of the 3,000 files are done.
    for (let waited = 0; !leftovers(cwd).some((name) => statSync(path.join(cwd, name), { throwIfNoEntry: false })?.size); waited += 5) {
      if (waited > 20_000 || child.exitCode !== null) throw new Error(`no report under way: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill("SIGINT");
    expect(await exited).toBe(process.platform === "win32" ? 130 : "SIGINT");
    expect(stderr).toBe("scnc: interrupted (SIGINT); out.json was left as it was\n");
    expect(readdirSync(cwd).sort()).toEqual(["nets", "out.json"]);
    expect(readFileSync(path.join(cwd, "out.json"), "utf8")).toBe(OLD);
  }, 60_000);

  it("ends the real process by the signal, with nothing left beside the target", async () => {
    const cwd = workspaceWith({ "net.scn": cleanNetwork, "out.sarif": OLD });
    const check = spawnUntil(["check", "--format", "sarif", "--output-file", "out.sarif", "net.scn"], { cwd, env: PAUSE }, "paused before rename");
    await check.reached;
    expect(leftovers(cwd)).toHaveLength(1);
    check.child.kill("SIGTERM");
    expect(await check.exited).toBe("SIGTERM");
    expect(readdirSync(cwd).sort()).toEqual(["net.scn", "out.sarif"]);
    expect(readFileSync(path.join(cwd, "out.sarif"), "utf8")).toBe(OLD);
  });
});
