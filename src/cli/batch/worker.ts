import { parentPort } from "node:worker_threads";
import { checkFile, type FileCheckRequest } from "./file-check.js";

export interface WorkerRequest {
  readonly id: number;
  readonly request: FileCheckRequest;
}

/** The loop of a batch-check worker thread: one request in, one outcome out. */
export function runCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on("message", (message: WorkerRequest) => {
    checkFile(message.request).then(
      (outcome) => port.postMessage({ id: message.id, outcome }),
      (error: unknown) => port.postMessage({ id: message.id, error: (error as Error).message ?? String(error) }),
    );
  });
}
