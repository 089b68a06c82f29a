import { main } from "./program.js";

/**
 * scnc on the real process: the only place that touches it, everything else takes a CliIo. Both
 * bundles start here: dist/cli.js (every command, and the batch-check worker) and dist/check.cjs
 * (`scnc check` from V8's code cache; scripts/build.mjs). `workerScript` is the file a batch-check
 * worker thread runs: always dist/cli.js.
 */
export async function runProcess(argv: readonly string[], workerScript: URL): Promise<void> {
  // A reader that stops early (`scnc check … | head`) closes the pipe: there is nobody left to tell,
  // so leave quietly with the exit code so far instead of dying on an unhandled EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && stream !== process.stderr) process.stderr.write(`scnc: cannot write output: ${error.message}\n`);
      process.exit(error.code === "EPIPE" ? (typeof process.exitCode === "number" ? process.exitCode : 0) : 2);
    });
  }
  process.exitCode = await main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: async (limit) => (await import("./stdin.js")).readAll(process.stdin, limit),
    workerScript,
  });
}
