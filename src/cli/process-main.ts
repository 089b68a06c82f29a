import { processInterrupts } from "./interrupt.js";
import { main } from "./program.js";

// For bin/scnc: the settings commands change, back to V8's defaults before it writes a code cache.
export { restoreV8Defaults } from "./v8-settings.js";

/**
 * scnc on the real process: the only place that touches it, everything else takes a CliIo. Both
 * bundles start here: dist/cli.js (every command, and the batch-check worker) and dist/check.cjs
 * (`scnc check` from V8's code cache; scripts/build.mjs). `workerScript` is the file a batch-check
 * job runs (a worker process or thread): always dist/cli.js.
 */
export async function runProcess(argv: readonly string[], workerScript: URL, options: { readonly exitWhenDone?: boolean } = {}): Promise<void> {
  // A reader that stops early (`scnc check … | head`) closes the pipe: there is nobody left to tell,
  // so leave quietly with the exit code so far instead of dying on an unhandled EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && stream !== process.stderr) process.stderr.write(`scnc: cannot write output: ${error.message}\n`);
      process.exit(error.code === "EPIPE" ? (typeof process.exitCode === "number" ? process.exitCode : 0) : 2);
    });
  }
  let interruptedBy: NodeJS.Signals | undefined;
  process.exitCode = await main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: async (limit) => (await import("./stdin.js")).readAll(process.stdin, limit),
    workerScript,
    listenForInterrupts: () => processInterrupts((signal) => (interruptedBy = signal)),
  });
  // A build stopped by Ctrl-C ends by the signal, once it is safe, as it would have without the
  // handler: a shell loop (`for n in nets/*; do scnc build …; done`) stops only for a child the
  // signal ended, not for one that exited 130 itself. Windows has no such ending: exit 130 there.
  if (interruptedBy !== undefined && process.platform !== "win32") {
    const signal = interruptedBy;
    process.stderr.write("", () => process.kill(process.pid, signal));
    return;
  }
  if (options.exitWhenDone) {
    // Once the event loop is empty, Node waits for every task queued on V8's background threads
    // (NodePlatform::DrainTasks) before it exits: at the end of a short batch run, that is the
    // optimizing compiler's queue of functions still warming up, compiled for nobody. A check of
    // 1,000 networks spent 20-22 ms between its last line of JavaScript and its end, 12-15 ms
    // when it exits here (performance.now() at this point against the wall clock, 6 runs each).
    // The output is flushed first, in order (an empty write's callback comes after the writes before it).
    await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write("", () => resolve()))));
    process.exit();
  }
}
