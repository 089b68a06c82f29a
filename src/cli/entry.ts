import { isMainThread, workerData } from "node:worker_threads";

// The entry of dist/cli.js. The same bundle is also the batch-check worker (thread or child
// process), so a worker costs one file to load rather than a second bundle.
if (!isMainThread && (workerData as { role?: string } | null)?.role === "check-worker") {
  const { runCheckWorker } = await import("./batch/worker.js");
  runCheckWorker();
} else if (process.env.SCNC_CHECK_JOB === "1" && process.send) {
  // A batch-check child process (src/cli/batch/job.ts): started with an IPC channel, never by a user.
  const { runCheckJobProcess } = await import("./batch/worker.js");
  runCheckJobProcess();
} else {
  const { runProcess } = await import("./process-main.js");
  await runProcess(process.argv.slice(2), new URL(import.meta.url));
}
