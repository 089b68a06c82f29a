import type { Interrupts } from "./interrupt.js";

/** Where a command reads and writes. The real process supplies its streams; tests supply buffers,
 * so every command runs in-process under test (and counts toward coverage). */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, read whole up to `limit` bytes and one more (`scnc fmt -`); absent where
   * there is none to read. */
  readonly readStdin?: (limit: number) => Promise<Buffer>;
  /** The bundled CLI script, for commands that start jobs (worker processes or threads); absent in-process (tests). */
  readonly workerScript?: URL;
  /** Starts listening for Ctrl-C and SIGTERM (src/cli/interrupt.ts), for a command that stops at
   * safe points; absent in-process, where none can come unless a test gives its own. */
  readonly listenForInterrupts?: () => Interrupts;
  /** --color (true) or --no-color (false); undefined when neither was given. */
  readonly color?: boolean;
}

/**
 * Whether to paint what goes to `stream`: --color / --no-color win; then FORCE_COLOR turns colour on
 * (unless it is "0" or "false", as Node reads it) and NO_COLOR off (https://no-color.org), FORCE_COLOR
 * winning when both are set, as in Node; otherwise colour only on a terminal.
 */
export function useColor(stream: OutputStream, io: Pick<CliIo, "env" | "color">): boolean {
  if (io.color !== undefined) return io.color;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force.toLowerCase() !== "false";
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}
