import { InvalidArgumentError } from "commander";
import { workersOnly } from "./fault-injection.js";
import { checkFile, type FileCheckRequest } from "./file-check.js";
import { DEFAULT_TRANSPORT, JobSet, type Job, type JobTransport } from "./job.js";
import { idleCores } from "./idle-cores.js";
import { renderOutcome, type BatchOutcome, type RenderOptions } from "./render.js";
import type { JobReply } from "./worker.js";
import { holdYoungGeneration } from "../v8-settings.js";

export { idleCores } from "./idle-cores.js";

/**
 * Below this many files, a batch is checked by the main thread alone. How it was set: a job loads
 * the bundle (0.1-0.2 s) and then warms up, checking its first files at ~5 ms each and reaching
 * 0.4 ms only after ~1,600 (about 1 s of CPU in all, measured in-process: 2,500 files 2.2 s, 5,000
 * files 3.3 s), so it repays itself only on a batch that keeps it busy well past its warm-up. On the
 * idle 2-core machine the chunked pool lost at 2,000 files (bench/batch.ts: speed-up 0.87-0.90×)
 * and gained nothing at 5,000 (0.97-0.99× in the last two runs of the bench; 1.05× once before),
 * for 45 % more CPU; from 10,000 it gained a little (whole processes, interleaved: 10,000 files
 * 0.81-1.01 of --jobs 1's time over four bench figures, 20,000 files 0.85-0.95 in three pairs), so
 * the default starts jobs from 10,000 files (docs/decisions.md). `--jobs N` overrides this.
 */
export const MIN_FILES_FOR_WORKERS = 10_000;

/** The fewest files each job gets by default: the share of the smallest batch measured to gain (10,000
 * files over 2 jobs). On a many-core runner one job per idle core would cut a batch into shares no
 * job ever warms up on, each a Node of its own (about 50 MB). */
export const FILES_PER_DEFAULT_JOB = 5_000;

/** A chunk's files, for each of `jobs` jobs to take about CHUNKS_PER_JOB chunks: enough to share
 * the work evenly whatever each job's pace, few enough that messages cost nothing. */
const CHUNKS_PER_JOB = 16;
const MAX_CHUNK = 50;
const MIN_CHUNK = 4;

/** Chunks a job holds at once: the next is queued while it checks one, so it never waits for the main
 * thread (busy checking a file of its own) to read its reply before starting the next. */
const IN_FLIGHT_PER_JOB = 2;

/** How many chunks checking may run ahead of the one being reported, bounding what is held in memory. */
const LOOKAHEAD_CHUNKS_PER_JOB = 8;

export interface BatchOptions {
  /** Files checked at once, the main thread included; undefined picks one per idle core when the batch is large enough. */
  readonly jobs?: number;
  /** The bundled CLI entry, which becomes a job when started as one. Without it, checks run in-process. */
  readonly workerScript?: URL;
  /** Worker threads or child processes (SCNC_JOBS_VIA). */
  readonly transport?: JobTransport;
  /** Each file's part of the report is rendered where it is checked (outcomes are then RenderedOutcome). */
  readonly render?: RenderOptions;
  /** Told when a job dies; its files are then checked on the main thread. */
  readonly onWorkerFailure?: (reason: string) => void;
  /** Jobs started early (startJobs), which the batch uses instead of starting its own. */
  readonly started?: JobSet;
}

/** `--jobs N`: a whole number, at least 1. */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got '${value}'`);
  return Number(value);
}

/** The jobs a batch of `fileCount` files gets without `--jobs`: one per idle core, each with at least FILES_PER_DEFAULT_JOB files. */
export function defaultJobs(fileCount: number, idle?: number): number {
  if (fileCount < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(idle ?? idleCores(), Math.floor(fileCount / FILES_PER_DEFAULT_JOB)));
}

/** Jobs to start beside the main thread, which checks files too: `jobs` minus one. */
export function workerCount(fileCount: number, options: BatchOptions): number {
  if (!options.workerScript) return 0;
  const jobs = options.jobs ?? defaultJobs(fileCount);
  return Math.max(0, Math.min(jobs, fileCount) - 1);
}

/**
 * With an explicit `--jobs N` (N > 1), the command starts its jobs before it walks the inputs, so
 * that each job loads scnc (0.1-0.2 s) while the main thread is still finding files, rather than
 * after. Without the bundle (in-process, as under test) there is nothing to start.
 */
export function startJobs(options: BatchOptions): JobSet | undefined {
  if (!options.workerScript || options.jobs === undefined || options.jobs < 2) return undefined;
  return new JobSet(options.jobs - 1, options.workerScript, options.transport ?? DEFAULT_TRANSPORT);
}

export function chunkSize(fileCount: number, jobs: number): number {
  return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.ceil(fileCount / (jobs * CHUNKS_PER_JOB))));
}

async function checkOne(request: FileCheckRequest, render: RenderOptions | undefined): Promise<BatchOutcome> {
  const outcome = await checkFile(request);
  holdYoungGeneration();
  return render ? renderOutcome(outcome, render) : outcome;
}

/**
 * Checks files and yields their outcomes in input order. The batch is cut into contiguous chunks;
 * each job (a worker thread or a child process) takes the next chunk nobody has, checks it and
 * renders its files' parts of the report, and sends them back whole. The main thread checks chunks
 * too, streaming the outcomes of the chunk being reported and holding later chunks' until their
 * turn. A job that dies has its chunks checked on the main thread, so the output never changes.
 */
export async function* checkFiles(requests: readonly FileCheckRequest[], options: BatchOptions): AsyncGenerator<BatchOutcome> {
  const workers = workerCount(requests.length, options);
  options.started?.keep(workers);
  if (workers === 0) {
    for (const request of requests) yield await checkOne(request, options.render);
    return;
  }
  const jobs = options.started ?? new JobSet(workers, options.workerScript as URL, options.transport ?? DEFAULT_TRANSPORT);
  const batch = new Batch(requests, jobs, options);
  try {
    yield* batch.outcomes();
  } finally {
    batch.close();
  }
}

/** Who checks a chunk: nobody yet, the main thread, or a job. Chunks of a job that died are the main thread's. */
type Owner = undefined | "main" | Job;

class Batch {
  private readonly size: number;
  private readonly chunkCount: number;
  private readonly owners: Owner[];
  /** Outcomes of chunks done, or (the main thread's) under way, not yet reported. */
  private readonly done = new Map<number, BatchOutcome[]>();
  /** Jobs that have loaded, with the chunks handed to each and not yet answered. */
  private readonly held = new Map<Job, Set<number>>();
  /** The chunk being reported. */
  private reporting = 0;
  /** A later chunk the main thread is checking while a job has the one being reported. */
  private ahead: number | undefined;
  private wake: (() => void) | undefined;
  private closing = false;
  private readonly leaveToJobs = workersOnly();

  constructor(
    private readonly requests: readonly FileCheckRequest[],
    private readonly jobs: JobSet,
    private readonly options: BatchOptions,
  ) {
    this.size = chunkSize(requests.length, jobs.size + 1);
    this.chunkCount = Math.ceil(requests.length / this.size);
    this.owners = new Array<Owner>(this.chunkCount).fill(undefined);
    jobs.listen({ reply: (job, reply) => this.onReply(job, reply), exit: (job, reason) => this.onExit(job, reason) });
  }

  async *outcomes(): AsyncGenerator<BatchOutcome> {
    for (let chunk = 0; chunk < this.chunkCount; chunk++) {
      this.reporting = chunk;
      this.feedJobs();
      for (;;) {
        const owner = this.owners[chunk];
        if (owner === undefined && this.leaveToJobs && this.jobs.size > 0) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        if (owner === undefined || owner === "main") {
          // The main thread's own: stream it, file by file, checking what it has not checked yet.
          this.owners[chunk] = "main";
          const outcomes = this.done.get(chunk) ?? [];
          this.done.delete(chunk);
          yield* outcomes;
          const [start, end] = this.bounds(chunk);
          for (let index = start + outcomes.length; index < end; index++) {
            yield await checkOne(this.requests[index] as FileCheckRequest, this.options.render);
            await this.letRepliesIn();
          }
          break;
        }
        const outcomes = this.done.get(chunk);
        if (outcomes) {
          this.done.delete(chunk);
          yield* outcomes;
          break;
        }
        // A job has it: check a later chunk meanwhile, or wait for a reply.
        if (!(await this.checkAhead())) await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }
  }

  close(): void {
    this.closing = true;
    this.jobs.stop();
  }

  private bounds(chunk: number): [number, number] {
    return [chunk * this.size, Math.min(this.requests.length, (chunk + 1) * this.size)];
  }

  /** The lowest chunk nobody has taken, within the lookahead. */
  private untaken(): number | undefined {
    const limit = Math.min(this.chunkCount, this.reporting + LOOKAHEAD_CHUNKS_PER_JOB * (this.jobs.size + 1));
    for (let chunk = this.reporting; chunk < limit; chunk++) if (this.owners[chunk] === undefined) return chunk;
    return undefined;
  }

  /** Checks one file of a chunk beyond the one being reported (one the main thread started, or a new
   * one), so the main thread works while a job finishes the chunk being reported. */
  private async checkAhead(): Promise<boolean> {
    let chunk = this.ahead;
    if (chunk === undefined || chunk <= this.reporting) {
      if (this.leaveToJobs && this.jobs.size > 0) return false;
      chunk = this.untaken();
      if (chunk === undefined) return false;
      this.owners[chunk] = "main";
      this.ahead = chunk;
    }
    const outcomes = this.done.get(chunk) ?? [];
    this.done.set(chunk, outcomes);
    const [start, end] = this.bounds(chunk);
    outcomes.push(await checkOne(this.requests[start + outcomes.length] as FileCheckRequest, this.options.render));
    if (start + outcomes.length === end) this.ahead = undefined;
    await this.letRepliesIn();
    return true;
  }

  /** Checking runs without yielding to the event loop: let the jobs' replies in between files. */
  private async letRepliesIn(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.feedJobs();
  }

  private onReply(job: Job, reply: JobReply): void {
    if (reply.kind === "ready") this.held.set(job, new Set());
    else if (reply.kind === "chunk") {
      this.held.get(job)?.delete(reply.id);
      this.done.set(reply.id, [...reply.outcomes]);
    }
    this.feedJobs();
    this.notify();
  }

  private onExit(job: Job, reason: string): void {
    if (this.closing) return;
    // Its chunks go to the main thread, never to another job: a file that kills one job would kill the next.
    for (const chunk of this.held.get(job) ?? []) this.owners[chunk] = "main";
    this.held.delete(job);
    this.options.onWorkerFailure?.(`${job.describe} stopped (${reason}); its files were checked on the main thread`);
    this.notify();
  }

  private feedJobs(): void {
    for (const [job, chunks] of this.held) {
      while (chunks.size < IN_FLIGHT_PER_JOB) {
        const chunk = this.untaken();
        if (chunk === undefined) return;
        this.owners[chunk] = job;
        chunks.add(chunk);
        const [start, end] = this.bounds(chunk);
        job.send({ id: chunk, requests: this.requests.slice(start, end), ...(this.options.render ? { render: this.options.render } : {}) });
      }
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
