import { spawn } from "node:child_process";

/**
 * The language server's V8 young generation. Each keystroke re-checks the document, which on a
 * 32-office network allocated about 0.6 MB (0.36 MB since; bench/lsp-allocation.ts measures it);
 * with Node's default 16 MB semi-space a scavenge then fell on about one change in 25, which is
 * what the p95 of didChange → diagnostics measured (bench/lsp.ts). 32 MB halves how often a change
 * waits for one. V8 starts it at 1 MB and grows it as collections show the need. Starting it at
 * 32 MB too (--min-semi-space-size) was tried and undone: fewer scavenges (17 against about 50 in
 * 1,100 changes), but each copies more and takes longer, and on an idle machine the p95 was worse in
 * 6 of 6 paired bench runs (2.06–2.32 against 1.95–2.18 ms), for 34 MB more resident memory; that
 * was while each scavenge still promoted about 265 kB (src/ir/lower.ts, now 7 kB): with it now, 40
 * scavenges of about 1.0 ms against 110 of 0.7 ms in 3,000 edits (bench/lsp-scavenges.ts). V8
 * reads the size only when the process starts, so a server started without it runs itself again
 * with it, on the same stdin, stdout and stderr (the child ends when stdin closes, as the server
 * always does).
 */
export const SEMI_SPACE_FLAG = "--max-semi-space-size=32";
const RELAUNCHED = "SCNC_LSP_RELAUNCHED";

function hasSemiSpaceSize(argumentsOrOptions: readonly string[]): boolean {
  return argumentsOrOptions.some((argument) => /^--max[-_]semi[-_]space[-_]size\b/.test(argument));
}

/** Whether a process started with these Node options and environment still lacks the size. */
export function needsYoungGeneration(execArgv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return env[RELAUNCHED] !== "1" && !hasSemiSpaceSize(execArgv) && !hasSemiSpaceSize((env.NODE_OPTIONS ?? "").split(/\s+/));
}

/**
 * Starts this same command again with the larger young generation and returns true, or returns
 * false when the server should run in this process: it already has the size (set by us, by
 * `node --max-semi-space-size`, or by NODE_OPTIONS), or there is no script to run again.
 */
export function relaunchWithYoungGeneration(): boolean {
  const script = process.argv[1];
  if (script === undefined || !needsYoungGeneration(process.execArgv, process.env)) return false;
  const child = spawn(process.execPath, [SEMI_SPACE_FLAG, ...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, [RELAUNCHED]: "1" },
    windowsHide: true,
  });
  const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward(signal));
  child.on("error", (error) => {
    process.stderr.write(`scnc lsp: cannot start the server: ${error.message}\n`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}
