import { setFlagsFromString } from "node:v8";

// V8's default is 920 bytes of bytecode; bin/scnc puts it back before it writes the code cache.
const BATCH_BUILD_INLINING_BUDGET = 230;

/**
 * Lets the optimizing compiler inline less into each function a batch build runs hot. A build runs
 * far more distinct code than a check (the compile stages, the field-by-field JSON printers, the
 * writer), and compiling it was a third of the process's CPU: V8's background threads used 0.9 s
 * of a 1,000-network build against 0.47 s for a check, on a machine with 2 cores shared by the
 * compiling thread and the writer thread. A quarter of the default budget roughly halves that work
 * for a little slower code on the main thread (docs/decisions.md, "Inlining budget of a batch
 * build"). Process-wide, as keepHeapNearLiveSize: tests that run the command in-process only
 * compile a little differently.
 */
export function limitInliningForBatchBuild(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${BATCH_BUILD_INLINING_BUDGET}`);
}
