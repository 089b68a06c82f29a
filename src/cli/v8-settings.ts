import { setFlagsFromString } from "node:v8";

// The V8 settings that commands change as they run, each beside the flag that puts V8's default
// back. bin/scnc restores them all (restoreV8Defaults) before it writes a command's code cache:
// V8 stamps the cache with its flags, and every later run, which loads the cache before any command
// sets one, would reject a cache stamped with a command's settings.
const HEAP_GROWING_DEFAULT = "--heap-growing-percent=0";
const PRETENURING_DEFAULT = "--allocation-site-pretenuring";
const INLINING_BUDGET_DEFAULT = "--max-inlined-bytecode-size-cumulative=920";
/** A quarter of V8's default budget of 920 bytes of bytecode. */
const REDUCED_INLINING_BUDGET = 230;

/**
 * Keeps a long batch's heap near what it holds. After each full collection V8 lets the heap grow to
 * up to four times what survived before collecting again; a batch keeps little (each file is let go
 * once reported), so that headroom only fills with the garbage of files already done, and peak
 * memory grew with the number of files (20,000 networks: 157 MB against 98 MB for 1,000). Growing
 * by a quarter instead costs a few more full collections of a small heap (a handful per 20,000
 * files, under 10 ms each) and holds 20,000 networks to 128 MB. The setting is process-wide: the
 * `check` command sets it, the language server never does (tests that run the command in-process
 * only collect a little more often).
 */
export function keepHeapNearLiveSize(): void {
  setFlagsFromString("--heap-growing-percent=25");
}

/**
 * Keeps V8 from moving allocation sites to the old generation in a batch build. A build holds a
 * few networks while the writer thread writes them (commands/build.ts, NETWORKS_AHEAD), so their
 * tokens and syntax trees outlive a scavenge or two, and after ~100 networks V8 decides to
 * allocate at those sites in the old generation: that decision deoptimizes every function that
 * allocates there (27 of them, the lexer and parser among them, `--trace-deopt`: "code
 * dependencies"), and compiling them again was a tenth of the build's background compile time.
 * Those objects die with their network, so the old generation is no place for them anyway. The
 * setting is process-wide: `build` sets it; `check` never sees such survival and never pretenures.
 */
export function keepAllocationSitesYoung(): void {
  setFlagsFromString("--no-allocation-site-pretenuring");
}

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
  reduceInliningBudget();
}

/**
 * The same smaller inlining budget, for a check that runs jobs beside the main thread. One job
 * compiles on V8's background threads while the other cores idle, so there the default budget is
 * free, and a smaller one only slows the main thread (1,000 networks, `--jobs 1`: main thread
 * 555 → 610 ms for background 455 → 335 ms, so `check` keeps the default). With a job per core,
 * no core idles: each job's isolate compiles the same hot code again, and that compiling takes the
 * CPU the jobs check with (5,000 networks, `--jobs 2`: background threads 1.27 → 0.96 s, docs/
 * decisions.md, "Inlining budget of a parallel check"). V8's flags are the process's, so the
 * main thread sets it for its worker threads before they start, and a job in a child process sets
 * its own.
 */
export function limitInliningForParallelCheck(): void {
  reduceInliningBudget();
}

function reduceInliningBudget(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${REDUCED_INLINING_BUDGET}`);
}

/** V8's defaults for every setting above, for bin/scnc before it writes a code cache. */
export function restoreV8Defaults(): void {
  for (const flag of [HEAP_GROWING_DEFAULT, PRETENURING_DEFAULT, INLINING_BUDGET_DEFAULT]) setFlagsFromString(flag);
}
