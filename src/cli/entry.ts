import { isMainThread, workerData } from "node:worker_threads";

// The only place that touches the real process: everything else takes a CliIo. The same bundle is
// also the batch-check worker, so a worker costs one file to load rather than a second bundle.
if (!isMainThread && (workerData as { role?: string } | null)?.role === "check-worker") {
  const { runCheckWorker } = await import("./batch/worker.js");
  runCheckWorker();
} else {
  const { main } = await import("./program.js");
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    workerScript: new URL(import.meta.url),
  });
}
