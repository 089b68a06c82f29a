import { fork, type ChildProcess, type ForkOptions } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { limitInliningForParallelCheck } from "../v8-settings.js";
import { CHECK_JOB_ENV, type ChunkRequest, type JobReply } from "./worker.js";

/** What carries a batch job: a worker thread of this process, or a child process (SCNC_JOBS_VIA). */
export type JobTransport = "threads" | "processes";

/** What `--jobs` uses unless SCNC_JOBS_VIA says otherwise: child processes, the faster of the two on
 * the idle 2-core machine where they differed (10,000 files, four bench figures: 0.81-1.01 of --jobs
 * 1's time against 0.90-1.03, faster in three; 20,000 files, interleaved pairs: 3.0-3.8 s against
 * 3.8-4.7 s), level at 5,000, at the cost of a second Node's memory (docs/decisions.md).
 * bench/batch.ts measures both. */
export const DEFAULT_TRANSPORT: JobTransport = "processes";

/** SCNC_JOBS_VIA=threads|processes, for the bench to measure both; anything else is the default. */
export function jobTransport(env: NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>>): JobTransport | undefined {
  const via = env.SCNC_JOBS_VIA;
  return via === "threads" || via === "processes" ? via : undefined;
}

export interface Job {
  /** "a worker thread" or "a worker process", for the message when it dies. */
  readonly describe: string;
  send(chunk: ChunkRequest): void;
  /** Ends the job; its exit is then not reported. */
  stop(): void;
}

export interface JobEvents {
  reply(reply: JobReply): void;
  /** The job ended before being stopped: why, as far as is known. */
  exit(reason: string): void;
}

/** Starts the bundled CLI entry (`script`) as a batch-check job. */
export function startJob(script: URL, transport: JobTransport, events: JobEvents): Job {
  return transport === "processes" ? startProcess(script, events) : startThread(script, events);
}

function startThread(script: URL, events: JobEvents): Job {
  const worker = new Worker(script, { workerData: { role: "check-worker" } });
  let failure = "";
  let stopped = false;
  worker.on("message", (reply: JobReply) => events.reply(reply));
  worker.on("error", (error) => (failure = error.message));
  // A reply that cannot be read would leave its files waiting for ever: treat it as the job dying.
  worker.on("messageerror", (error) => {
    failure = `unreadable reply: ${error.message}`;
    void worker.terminate();
  });
  worker.on("exit", (code) => {
    if (!stopped) events.exit(failure || `exit code ${code}`);
  });
  return {
    describe: "a worker thread",
    send: (chunk) => worker.postMessage(chunk),
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

/** Job processes told to stop that have not exited yet: scnc ends them when it ends. */
const stopping = new Set<ChildProcess>();
let endsWithScnc = false;

/** Ends `child` when scnc ends, if it has not exited by then: one listener for every job, so that
 * `--jobs 16` adds no more to the process than `--jobs 2` (Node warns from 11 listeners on). */
function endWithScnc(child: ChildProcess): void {
  if (!endsWithScnc) process.once("exit", () => { for (const left of stopping) left.kill(); });
  endsWithScnc = true;
  stopping.add(child);
  child.once("exit", () => stopping.delete(child));
}

function startProcess(script: URL, events: JobEvents): Job {
  // The same bundle, started by the same Node with the same flags; "advanced" serialization is the
  // structured clone worker threads use, so both carry the same messages.
  const options: ForkOptions & { windowsHide: boolean } = {
    env: { ...process.env, [CHECK_JOB_ENV]: "1" },
    serialization: "advanced",
    stdio: ["ignore", "ignore", "ignore", "ipc"],
    // No console window per job on Windows when scnc itself has none (an editor's task, a service):
    // fork passes its options to spawn, which has this one, though ForkOptions does not list it.
    windowsHide: true,
  };
  const child = fork(fileURLToPath(script), [], options);
  let failure = "";
  let stopped = false;
  let exited = false;
  child.on("message", (reply: JobReply) => {
    if (reply.kind === "dying") failure = reply.message;
    else events.reply(reply);
  });
  child.on("error", (error) => {
    failure ||= error.message;
    // A process that never started (EAGAIN, EACCES, node.exe blocked) gets no 'exit': it is over now.
    if (child.pid === undefined && !exited) {
      exited = true;
      if (!stopped) events.exit(failure);
      return;
    }
    if (!exited) child.kill();
  });
  child.on("exit", (code, signal) => {
    exited = true;
    if (!stopped) events.exit(failure || (signal ? `signal ${signal}` : `exit code ${code}`));
  });
  return {
    describe: "a worker process",
    send: (chunk) => {
      if (child.connected) child.send(chunk);
    },
    stop: () => {
      stopped = true;
      // A job leaves when its channel closes; one that does not (stuck in a file) is ended, after a
      // second or when scnc ends, whichever comes first: check exits as soon as its output is
      // written (runProcess's exitWhenDone), which would otherwise leave such a job running.
      if (child.connected) child.disconnect();
      if (exited) return;
      setTimeout(() => exited || child.kill(), 1_000).unref();
      endWithScnc(child);
    },
  };
}

export interface JobListener {
  reply(job: Job, reply: JobReply): void;
  exit(job: Job, reason: string): void;
}

/**
 * The jobs of one command run. They can start before the batch is known (an explicit `--jobs N`
 * starts them while the inputs are walked, so that loading scnc is off the critical path); what
 * happens before the batch listens is kept and told to it then.
 */
export class JobSet {
  private readonly alive = new Set<Job>();
  private readonly loaded = new Set<Job>();
  private readonly failures: [Job, string][] = [];
  private listener: JobListener | undefined;

  constructor(count: number, script: URL, transport: JobTransport) {
    // Before the first job starts: a worker thread compiles with the process's flags.
    if (count > 0) limitInliningForParallelCheck();
    for (let index = 0; index < count; index++) {
      const job: Job = startJob(script, transport, {
        reply: (reply) => {
          if (reply.kind === "ready") this.loaded.add(job);
          this.listener?.reply(job, reply);
        },
        exit: (reason) => {
          this.alive.delete(job);
          this.loaded.delete(job);
          if (this.listener) this.listener.exit(job, reason);
          else this.failures.push([job, reason]);
        },
      });
      this.alive.add(job);
    }
  }

  /** Jobs alive. */
  get size(): number {
    return this.alive.size;
  }

  /** Keeps `count` jobs and stops the others (a batch with fewer files than jobs). */
  keep(count: number): void {
    for (const job of [...this.alive].slice(count)) {
      this.alive.delete(job);
      this.loaded.delete(job);
      job.stop();
    }
  }

  listen(listener: JobListener): void {
    this.listener = listener;
    for (const [job, reason] of this.failures.splice(0)) listener.exit(job, reason);
    for (const job of this.loaded) listener.reply(job, { kind: "ready" });
  }

  stop(): void {
    this.listener = undefined;
    for (const job of this.alive) job.stop();
    this.alive.clear();
    this.loaded.clear();
  }
}
