import { spawn } from "node:child_process";

/**
 * The language server's V8 young generation. Each keystroke re-checks the document, which on a
 * 32-office network allocated about 0.6 MB (0.36 MB since; bench/lsp-allocation.ts measures it);
 * with Node's default 16 MB semi-space a scavenge then fell on about one change in 25, which is
 * what the p95 of didChange → diagnostics measured (bench/lsp.ts). 32 MB halves how often a change
 * waits for one. The maximum alone is not enough: V8 starts the young generation at 1 MB and
 * doubles it only after many collections, so the server reached 32 MB after about 900 changes and
 * collected 58 times in its first 1,100 (23 times at 32 MB from the start; 17 since the allocation
 * went down), hence the minimum too. V8 reads both sizes only when the process starts, so a server
 * started without them runs itself again with them, on the same stdin, stdout and stderr (the
 * child ends when stdin closes, as the server always does).
 */
export const SEMI_SPACE_FLAG = "--max-semi-space-size=32";
/** The young generation's size from the start (its minimum), the same as its maximum. */
export const INITIAL_SEMI_SPACE_FLAG = "--min-semi-space-size=32";
/** What the server runs itself again with. */
export const YOUNG_GENERATION_FLAGS: readonly string[] = [SEMI_SPACE_FLAG, INITIAL_SEMI_SPACE_FLAG];
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
  const child = spawn(process.execPath, [...YOUNG_GENERATION_FLAGS, ...process.execArgv, script, ...process.argv.slice(2)], {
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
