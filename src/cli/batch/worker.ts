import { parentPort } from "node:worker_threads";
import { checkFile, failedOutcome, type FileCheckRequest } from "./file-check.js";
import { injectedFault } from "./fault-injection.js";
import { renderOutcome, type BatchOutcome, type RenderOptions } from "./render.js";
import { holdYoungGeneration, keepHeapNearLiveSize, limitInliningForParallelCheck } from "../v8-settings.js";

/** Main process → job: check (and, with `render`, render) one contiguous chunk of the batch. */
export interface ChunkRequest {
  readonly id: number;
  readonly requests: readonly FileCheckRequest[];
  readonly render?: RenderOptions;
}

/** Job → main process: loaded and waiting for work; a chunk's outcomes in its order; or, from a
 * child process about to die of an uncaught error, why. */
export type JobReply =
  | { readonly kind: "ready" }
  | { readonly kind: "chunk"; readonly id: number; readonly outcomes: readonly BatchOutcome[] }
  | { readonly kind: "dying"; readonly message: string };

/** Marks a child process started as a batch-check job (src/cli/entry.ts). */
export const CHECK_JOB_ENV = "SCNC_CHECK_JOB";

async function checkChunk({ requests, render }: ChunkRequest): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  for (const request of requests) {
    const outcome = await checkFile(request).catch((error: unknown) => failedOutcome(request.file, error));
    outcomes.push(render ? renderOutcome(outcome, render) : outcome);
    // The heap settings of a long check (the main thread's, in a worker thread, which shares them).
    holdYoungGeneration();
  }
  return outcomes;
}

/** The loop of a job, over whichever channel it has: chunks in, in order, one at a time. */
function serve(receive: (listener: (chunk: ChunkRequest) => void) => void, send: (reply: JobReply) => void): void {
  let queue = Promise.resolve();
  receive((chunk) => {
    if (chunk.requests.some((request) => injectedFault(request.file) === "crash")) {
      setImmediate(() => {
        throw new Error("crash injected by SCNC_TEST_FAULT");
      });
      return;
    }
    queue = queue.then(async () => send({ kind: "chunk", id: chunk.id, outcomes: await checkChunk(chunk) }));
  });
  // Loading the bundle is most of a job's start-up; until now the main thread has been checking alone.
  send({ kind: "ready" });
}

/** A batch-check worker thread. */
export function runCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  serve((listener) => port.on("message", listener), (reply) => port.postMessage(reply));
}

/** A batch-check child process: it leaves when the main process closes the channel (or dies). */
export function runCheckJobProcess(): void {
  const send = process.send?.bind(process);
  if (!send) return;
  // A child process has flags of its own: the budget its parent set for worker threads (job.ts),
  // and the heap settings of a long check (commands/check.ts), so that a job keeps the memory of one.
  limitInliningForParallelCheck();
  keepHeapNearLiveSize();
  process.on("uncaughtException", (error) => {
    // Say why before going, so the main process can tell the user (with SCNC_DEBUG=1) what a thread would.
    send({ kind: "dying", message: error.message } satisfies JobReply, undefined, {}, () => process.exit(70));
    setTimeout(() => process.exit(70), 1_000).unref();
  });
  process.on("disconnect", () => process.exit(0));
  serve((listener) => process.on("message", listener as (message: unknown) => void), (reply) => send(reply));
}
