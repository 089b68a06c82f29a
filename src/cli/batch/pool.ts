import { InvalidArgumentError } from "commander";
import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { workersOnly } from "./fault-injection.js";
import { checkFile, type FileCheckRequest, type FileOutcome } from "./file-check.js";
import type { WorkerReply, WorkerRequest } from "./worker.js";

/**
 * Below this many files, a batch is checked on the main thread alone. A worker must load the
 * bundle and compile the checker's hot code afresh (about 0.25 s of CPU in all) before it keeps up,
 * and two threads checking at once each run slower (they share caches and memory bandwidth, and the
 * garbage collectors' helper threads), so only a big batch on an idle core repays it: on the 2-core
 * machine of docs/benchmarks.md, while quiet, a worker broke even at 2,000 files and saved about 10 %
 * at 5,000; while busy, it cost time at every size, so idleCores() keeps the default on the main
 * thread then. `--jobs N` overrides this, for machines where threads scale better.
 */
export const MIN_FILES_FOR_WORKERS = 2_000;

/** Requests a worker holds at once: some waiting while it checks one, so it never idles while
 * the main thread, busy checking a file of its own, has not yet read its last reply. */
const IN_FLIGHT_PER_WORKER = 4;

/** How far checking may run ahead of the file being reported, bounding the outcomes held in memory. */
const LOOKAHEAD = 128;

export interface BatchOptions {
  /** Files checked at once, the main thread included; undefined picks one per idle core when the batch is large enough. */
  readonly jobs?: number;
  /** The bundled CLI entry, which becomes a worker when started as one. Without it, checks run in-process. */
  readonly workerScript?: URL;
  /** Told when a worker thread dies; its files are then checked on the main thread. */
  readonly onWorkerFailure?: (reason: string) => void;
}

/** `--jobs N`: a whole number, at least 1. */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got '${value}'`);
  return Number(value);
}

/**
 * Cores that nothing else is using: the cores less the 1-minute load average (which Windows
 * reports as 0). On a busy machine a worker only competes for a core, and measured 1.3-1.6 times
 * slower than checking on the main thread alone.
 */
export function idleCores(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.round(availableParallelism() - (loadavg()[0] ?? 0))));
}

/** The jobs a batch of `fileCount` files gets without `--jobs`. */
export function defaultJobs(fileCount: number): number {
  return fileCount >= MIN_FILES_FOR_WORKERS ? idleCores() : 1;
}

/** Worker threads to start: `jobs` minus the main thread, which checks files too. */
export function workerCount(fileCount: number, options: BatchOptions): number {
  if (!options.workerScript) return 0;
  const jobs = options.jobs ?? defaultJobs(fileCount);
  return Math.max(0, Math.min(jobs, fileCount) - 1);
}

/**
 * Checks files and yields their outcomes in input order, whatever order they finish in. The main
 * thread checks files itself whenever the next outcome to report is not ready, so a batch starts at
 * once and workers join as they finish loading. A worker that dies has its files checked on the
 * main thread, so the output is the same as without workers.
 */
export async function* checkFiles(requests: readonly FileCheckRequest[], options: BatchOptions): AsyncGenerator<FileOutcome> {
  const workers = workerCount(requests.length, options);
  if (workers === 0) {
    for (const request of requests) yield await checkFile(request);
    return;
  }
  const batch = new Batch(requests, workers, options);
  try {
    for (let index = 0; index < requests.length; index++) yield await batch.outcome(index);
  } finally {
    await batch.close();
  }
}

class Batch {
  private readonly outcomes = new Map<number, FileOutcome>();
  private readonly workers = new Set<Worker>();
  /** Workers that have loaded, each with the requests handed to it and not yet answered. */
  private readonly ready = new Map<Worker, Set<number>>();
  /** Requests of workers that died, to check on the main thread. */
  private readonly orphans: number[] = [];
  /** The next request nobody has taken. */
  private next = 0;
  /** The request whose outcome is reported next. */
  private reporting = 0;
  private wake: (() => void) | undefined;
  private closing = false;
  private readonly leaveToWorkers = workersOnly();

  constructor(
    private readonly requests: readonly FileCheckRequest[],
    workers: number,
    private readonly options: BatchOptions,
  ) {
    for (let index = 0; index < workers; index++) this.start(options.workerScript as URL);
  }

  async outcome(index: number): Promise<FileOutcome> {
    this.reporting = index;
    this.feedWorkers();
    for (;;) {
      const outcome = this.outcomes.get(index);
      if (outcome) {
        this.outcomes.delete(index);
        return outcome;
      }
      const own = this.orphans.shift() ?? (this.mayTakeNext(index) ? this.next++ : undefined);
      if (own === undefined) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      this.outcomes.set(own, await checkFile(this.requests[own] as FileCheckRequest));
      // Let worker replies in before the next file: checking runs without yielding to the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      this.feedWorkers();
    }
  }

  private mayTakeNext(reporting: number): boolean {
    if (this.next >= this.requests.length || this.next - reporting >= LOOKAHEAD) return false;
    return !this.leaveToWorkers || this.workers.size === 0;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  private start(script: URL): void {
    const worker = new Worker(script, { workerData: { role: "check-worker" } });
    this.workers.add(worker);
    let failure = "";
    worker.on("message", (reply: WorkerReply) => {
      if (reply.kind === "ready") this.ready.set(worker, new Set());
      else {
        this.ready.get(worker)?.delete(reply.id);
        this.outcomes.set(reply.id, reply.outcome);
      }
      this.feedWorkers();
      this.notify();
    });
    worker.on("error", (error) => (failure = error.message));
    // A reply that cannot be read would leave its file waiting for ever: treat it as the worker dying.
    worker.on("messageerror", (error) => {
      failure = `unreadable reply: ${error.message}`;
      void worker.terminate();
    });
    worker.on("exit", (code) => {
      this.workers.delete(worker);
      if (this.closing) return;
      this.orphans.push(...(this.ready.get(worker) ?? []));
      this.ready.delete(worker);
      this.options.onWorkerFailure?.(`a worker thread stopped (${failure || `exit code ${code}`}); its files were checked on the main thread`);
      this.notify();
    });
  }

  private feedWorkers(): void {
    for (const [worker, held] of this.ready) {
      while (held.size < IN_FLIGHT_PER_WORKER && this.next < this.requests.length && this.next - this.reporting < LOOKAHEAD) {
        const id = this.next++;
        held.add(id);
        worker.postMessage({ id, request: this.requests[id] as FileCheckRequest } satisfies WorkerRequest);
      }
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
