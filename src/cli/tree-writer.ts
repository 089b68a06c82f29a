import { hash } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { PENDING_SHA256, PENDING_SHA256_FIELD } from "../compile/output.js";

/**
 * Writes the new tree of a build (folders and files into the staging directory beside the output)
 * on a thread of its own, so that a batch build compiles the next network while the kernel creates
 * this one's files: on 2 cores the two overlap, where writing on the main thread added them up.
 * The operations run in order, synchronously, exactly as OutputDirectory.replace() would run them;
 * the first that fails stops the job and its error comes back with its code, so the message the
 * user sees is the same. A new staging tree is made here too, with its first operation; the lock,
 * the carry-over of an old tree's other files and the renames stay on the main thread. A manifest
 * whose hashes are pending (RenderOptions.deferHashes) is completed here, from the bytes of the
 * files it lists: hashing them was a twentieth of the compiling thread's work.
 */
export type TreeOperation =
  | { readonly op: "mkdir"; readonly path: string }
  | { readonly op: "chmod"; readonly path: string; readonly mode: number }
  | {
    readonly op: "write"; readonly path: string; readonly content: string; readonly mode: number;
    /** The content is a manifest with pending hashes: those of these operations' contents, in order. */
    readonly hashesOf?: readonly number[];
  };

/** An operation as it is run: a file's content is a range of one UTF-8 buffer of all of them. */
type ByteOperation =
  | { readonly op: "mkdir"; readonly path: string }
  | { readonly op: "chmod"; readonly path: string; readonly mode: number }
  | { readonly op: "write"; readonly path: string; readonly mode: number; readonly start: number; readonly length: number; readonly hashesOf?: readonly number[] };

/** What runOnBytes needs from node:fs and node:crypto, passed in because it has no imports. */
interface ByteRunner {
  readonly mkdirSync: (path: string) => unknown;
  readonly chmodSync: (path: string, mode: number) => void;
  readonly writeFileSync: (path: string, data: Uint8Array, options: { flag: string; mode: number }) => void;
  readonly sha256: (bytes: Uint8Array) => string;
  /** PENDING_SHA256_FIELD and PENDING_SHA256's length. */
  readonly pendingField: string;
  readonly hashLength: number;
}

/**
 * Runs the operations in order; the first that fails throws. The one implementation of a tree's
 * writing and of a manifest's pending hashes: the writer thread runs this very function (its
 * source is part of WORKER_SOURCE), so it uses only its arguments and the global Buffer. The hashes
 * are written into the manifest's bytes: each one's place is the Nth PENDING_SHA256_FIELD.
 */
function runOnBytes(operations: readonly ByteOperation[], bytes: ArrayBuffer, runner: ByteRunner): void {
  const field = Buffer.from(runner.pendingField, "utf8");
  const hashAt = field.length - runner.hashLength - 1;
  const contentOf = (index: number): Buffer => {
    const operation = operations[index];
    if (operation?.op !== "write") throw new Error(`tree operation ${index} is not a file's write`);
    return Buffer.from(bytes, operation.start, operation.length);
  };
  operations.forEach((operation, index) => {
    if (operation.op === "mkdir") runner.mkdirSync(operation.path);
    else if (operation.op === "chmod") runner.chmodSync(operation.path, operation.mode);
    else {
      const content = contentOf(index);
      let from = 0;
      for (const file of operation.hashesOf ?? []) {
        const at = content.indexOf(field, from);
        if (at === -1) throw new Error("the manifest has fewer pending hashes than files");
        content.write(runner.sha256(contentOf(file)), at + hashAt, "latin1");
        from = at + field.length;
      }
      runner.writeFileSync(operation.path, content, { flag: "wx", mode: operation.mode });
    }
  });
}

const HERE: ByteRunner = {
  mkdirSync, chmodSync, writeFileSync,
  sha256: (bytes) => hash("sha256", bytes, "hex"),
  pendingField: PENDING_SHA256_FIELD,
  hashLength: PENDING_SHA256.length,
};

/** Runs the operations here, on the calling thread. */
export function runTreeOperations(operations: readonly TreeOperation[]): void {
  const { operations: byteOperations, bytes } = asBytes(operations);
  runOnBytes(byteOperations, bytes, HERE);
}

// The thread's whole program: node:fs and node:crypto only, so it needs no bundle to load (it
// starts in a few ms). The files' bytes come in one buffer, moved to the thread rather than copied.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { chmodSync, mkdirSync, writeFileSync } = require("node:fs");
const crypto = require("node:crypto");
const runOnBytes = ${runOnBytes.toString()};
const runner = {
  mkdirSync, chmodSync, writeFileSync,
  sha256: (bytes) => crypto.hash ? crypto.hash("sha256", bytes, "hex") : crypto.createHash("sha256").update(bytes).digest("hex"),
  pendingField: ${JSON.stringify(PENDING_SHA256_FIELD)},
  hashLength: ${PENDING_SHA256.length},
};
parentPort.on("message", ({ id, operations, bytes }) => {
  try {
    runOnBytes(operations, bytes, runner);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code, syscall: error && error.syscall, path: error && error.path } });
  }
});
`;

/** The operations with each file's content as a range of one UTF-8 buffer. */
function asBytes(operations: readonly TreeOperation[]): { operations: ByteOperation[]; bytes: ArrayBuffer } {
  let total = 0;
  for (const operation of operations) if (operation.op === "write") total += Buffer.byteLength(operation.content, "utf8");
  const bytes = new ArrayBuffer(total);
  const buffer = Buffer.from(bytes);
  let start = 0;
  const converted = operations.map((operation): ByteOperation => {
    if (operation.op !== "write") return operation;
    const length = buffer.write(operation.content, start, "utf8");
    const item = { op: "write", path: operation.path, mode: operation.mode, start, length, ...(operation.hashesOf ? { hashesOf: operation.hashesOf } : {}) } as const;
    start += length;
    return item;
  });
  return { operations: converted, bytes };
}

interface Reply {
  readonly id: number;
  readonly error?: { readonly message: string; readonly code?: string; readonly syscall?: string; readonly path?: string };
}

export class TreeWriter {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  /** Set once the thread could not start or died: every job then runs on the calling thread. */
  private broken = false;

  /** Runs the operations on the writer thread; resolves when all are done, rejects with the
   * first one's error (an Error with the file system's code, as fs would throw it). */
  write(operations: readonly TreeOperation[]): Promise<void> {
    const worker = this.broken ? undefined : this.thread();
    if (worker === undefined) {
      try {
        runTreeOperations(operations);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A thread with work to do keeps the process alive; an idle one must not.
      if (this.pending.size === 1) worker.ref();
      const { operations: sent, bytes } = asBytes(operations);
      worker.postMessage({ id, operations: sent, bytes }, [bytes]);
    });
  }

  /** Stops the thread (after the run's last job). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.broken = true;
    if (worker) await worker.terminate();
  }

  private thread(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref();
      worker.on("message", (reply: Reply) => this.settle(reply));
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", () => this.fail(new Error("the build's writer thread stopped")));
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.error === undefined) {
      waiting.resolve();
      return;
    }
    const error = Object.assign(new Error(reply.error.message), {
      ...(reply.error.code !== undefined ? { code: reply.error.code } : {}),
      ...(reply.error.syscall !== undefined ? { syscall: reply.error.syscall } : {}),
      ...(reply.error.path !== undefined ? { path: reply.error.path } : {}),
    });
    waiting.reject(error);
  }

  /** The thread is gone: its jobs fail (each build says it could not write), later ones run here. */
  private fail(error: Error): void {
    this.broken = true;
    this.worker = undefined;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
