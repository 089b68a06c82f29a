import type { Interrupts } from "../../src/cli/interrupt.js";
import { main } from "../../src/cli/program.js";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  /** Pretend stdout and stderr are terminals (colour is then on unless NO_COLOR is set). */
  readonly tty?: boolean;
  /** What standard input holds (absent: there is none to read); a promise for input that arrives late, or never. */
  readonly stdin?: string | Buffer | Promise<string | Buffer>;
  /** What a command that listens for Ctrl-C gets (src/cli/interrupt.ts manualInterrupts: the test
   * requests one at a chosen point). */
  readonly interrupts?: Interrupts;
  /** Called with each piece of text the command prints, as it prints it. */
  readonly onWrite?: (stream: "stdout" | "stderr", text: string) => void;
}

/** The repository root: examples/ and the paths in golden files are relative to it. */
export const repositoryRoot = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** Runs `scnc ARGV` in-process (so it counts toward coverage) and captures what it prints. */
export async function runCli(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const isTTY = options.tty ?? false;
  const code = await main(argv, {
    stdout: { write: (text: string) => { stdout += text; options.onWrite?.("stdout", text); }, isTTY },
    stderr: { write: (text: string) => { stderr += text; options.onWrite?.("stderr", text); }, isTTY },
    cwd: options.cwd ?? repositoryRoot,
    // Every build in the tests checks its output against the schemas (as SCNC_VALIDATE_OUTPUT=1
    // does for a user), so a compiler change that breaks them fails whichever test builds it.
    env: { SCNC_VALIDATE_OUTPUT: "1", ...options.env },
    ...(options.interrupts === undefined ? {} : { listenForInterrupts: () => options.interrupts as Interrupts }),
    ...(options.stdin === undefined ? {} : { readStdin: async (limit: number) => Buffer.from(await options.stdin as string | Buffer).subarray(0, limit + 1) }),
  });
  return { code, stdout, stderr };
}
