import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { checkFile, type FileCheckRequest, type FileOutcome } from "./file-check.js";
import type { WorkerRequest } from "./worker.js";

/** Below this many files, starting workers (each loads the bundle) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 48;

export interface BatchOptions {
  /** Worker threads to use; undefined picks one per core when the batch is large enough. */
  readonly jobs?: number;
  /** The bundled CLI entry, which becomes a worker when started as one. Without it, checks run in-process. */
  readonly workerScript?: URL;
}

export function workerCount(fileCount: number, options: BatchOptions): number {
  if (!options.workerScript) return 0;
  const jobs = options.jobs ?? (fileCount >= MIN_FILES_FOR_WORKERS ? availableParallelism() : 1);
  return jobs > 1 ? Math.min(jobs, fileCount) : 0;
}

type WorkerReply = { id: number; outcome: FileOutcome } | { id: number; error: string };

/**
 * Checks files and yields their outcomes in input order, whatever order workers finish in. Each
 * worker has at most two requests in flight, so a slow file never starves the others, and at most
 * `2 × workers` outcomes wait in memory for their turn.
 */
export async function* checkFiles(requests: readonly FileCheckRequest[], options: BatchOptions): AsyncGenerator<FileOutcome> {
  const workers = workerCount(requests.length, options);
  if (workers === 0) {
    for (const request of requests) yield await checkFile(request);
    return;
  }
  const pool = Array.from({ length: workers }, () => new Worker(options.workerScript as URL, { workerData: { role: "check-worker" } }));
  const settled = new Map<number, { resolve: (outcome: FileOutcome) => void; reject: (error: Error) => void }>();
  const pending: Promise<FileOutcome>[] = [];
  let next = 0;
  const send = (worker: Worker): void => {
    if (next >= requests.length) return;
    const id = next++;
    pending[id] = new Promise<FileOutcome>((resolve, reject) => settled.set(id, { resolve, reject }));
    worker.postMessage({ id, request: requests[id] as FileCheckRequest } satisfies WorkerRequest);
  };
  for (const worker of pool) {
    worker.on("message", (reply: WorkerReply) => {
      const waiting = settled.get(reply.id);
      settled.delete(reply.id);
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.outcome);
      send(worker);
    });
    worker.on("error", (error) => {
      for (const waiting of settled.values()) waiting.reject(error);
      settled.clear();
    });
    send(worker);
    send(worker);
  }
  try {
    for (let index = 0; index < requests.length; index++) {
      // Every index below `next` has a promise; keep the in-order reader from running ahead of the senders.
      while (pending[index] === undefined) await new Promise((resolve) => setImmediate(resolve));
      yield await (pending[index] as Promise<FileOutcome>);
      delete pending[index];
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
