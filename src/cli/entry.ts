import { isMainThread, workerData } from "node:worker_threads";

// The only place that touches the real process: everything else takes a CliIo. The same bundle is
// also the batch-check worker (thread or child process), so a worker costs one file to load rather than a second bundle.
if (!isMainThread && (workerData as { role?: string } | null)?.role === "check-worker") {
  const { runCheckWorker } = await import("./batch/worker.js");
  runCheckWorker();
} else if (process.env.SCNC_CHECK_JOB === "1" && process.send) {
  // A batch-check child process (src/cli/batch/job.ts): started with an IPC channel, never by a user.
  const { runCheckJobProcess } = await import("./batch/worker.js");
  runCheckJobProcess();
} else {
  // A reader that stops early (`scnc check … | head`) closes the pipe: there is nobody left to tell,
  // so leave quietly with the exit code so far instead of dying on an unhandled EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && stream !== process.stderr) process.stderr.write(`scnc: cannot write output: ${error.message}\n`);
      process.exit(error.code === "EPIPE" ? (typeof process.exitCode === "number" ? process.exitCode : 0) : 2);
    });
  }
  const { main } = await import("./program.js");
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: async (limit) => (await import("./stdin.js")).readAll(process.stdin, limit),
    workerScript: new URL(import.meta.url),
  });
}
