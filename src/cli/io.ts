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
  /** The bundled CLI script, for commands that start worker threads; absent in-process (tests). */
  readonly workerScript?: URL;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export function useColor(stream: OutputStream, env: CliIo["env"]): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}
