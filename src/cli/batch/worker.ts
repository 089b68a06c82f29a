import { parentPort } from "node:worker_threads";
import { checkFile, failedOutcome, type FileCheckRequest, type FileOutcome } from "./file-check.js";
import { injectedFault } from "./fault-injection.js";

/** Main thread → worker: check one file. */
export interface WorkerRequest {
  readonly id: number;
  readonly request: FileCheckRequest;
}

/** Worker → main thread: loaded and waiting for work, or the outcome of request `id`. */
export type WorkerReply = { readonly kind: "ready" } | { readonly kind: "outcome"; readonly id: number; readonly outcome: FileOutcome };

/** The loop of a batch-check worker thread: one request in, one outcome out. */
export function runCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on("message", ({ id, request }: WorkerRequest) => {
    if (injectedFault(request.file) === "crash") {
      setImmediate(() => {
        throw new Error("crash injected by SCNC_TEST_FAULT");
      });
      return;
    }
    checkFile(request).then(
      (outcome) => port.postMessage({ kind: "outcome", id, outcome } satisfies WorkerReply),
      (error: unknown) => port.postMessage({ kind: "outcome", id, outcome: failedOutcome(request.file, error) } satisfies WorkerReply),
    );
  });
  // Loading the bundle is most of a worker's start-up; until now the main thread has been checking alone.
  port.postMessage({ kind: "ready" } satisfies WorkerReply);
}
