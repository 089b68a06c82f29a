import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";

// The V8 settings that commands change as they run, each beside the flag that puts V8's default
// back. bin/scnc restores them all (restoreV8Defaults) before it writes a command's code cache:
// V8 stamps the cache with its flags, and every later run, which loads the cache before any command
// sets one, would reject a cache stamped with a command's settings.
const HEAP_GROWING_DEFAULT = "--heap-growing-percent=0";
const PRETENURING_DEFAULT = "--allocation-site-pretenuring";
const INLINING_BUDGET_DEFAULT = "--max-inlined-bytecode-size-cumulative=920";
const SEMI_SPACE_GROWTH_DEFAULT = "--semi-space-growth-factor=2";
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

/** The young generation (both semi-spaces) a batch check lets V8 grow to: what 1,000 networks reach. */
const YOUNG_GENERATION_CAP_BYTES = 16 * 1024 * 1024;
/** How many calls of holdYoungGeneration go by between looks at the young generation's size. */
const CALLS_BETWEEN_LOOKS = 32;
let callsSinceLook = 0;
let youngGenerationHeld = false;

/**
 * Stops the young generation growing past 16 MB in a long batch check. V8 doubles the young
 * generation whenever as many bytes have survived scavenges, in all, as it holds, so a long enough
 * run always reaches the 32 MB maximum, however little each scavenge keeps: a check of 1,000
 * networks ends at 16 MB, one of 20,000 at 32 MB (its list of files alone gets it to 16), and
 * those 16 MB of touched pages were half the peak's growth (`--format json`: 117 MB against 88 MB).
 * The maximum can only be set when the process starts, but V8 reads the growth factor at each
 * growth, so once the young generation is 16 MB a factor of 1 holds it there. Call it after each
 * file checked (it looks every 32nd call; a look takes microseconds), and holdYoungGenerationNow()
 * once a batch of many files is listed. A check of one file never looks, so it never loads node:v8
 * (a lazy built-in, scripts/build.mjs): a millisecond of its start-up. Process-wide, as
 * keepHeapNearLiveSize.
 */
export function holdYoungGeneration(): void {
  if (youngGenerationHeld || ++callsSinceLook < CALLS_BETWEEN_LOOKS) return;
  lookAtYoungGeneration();
}

/** As holdYoungGeneration, looking now: once a long batch's files are listed. */
export function holdYoungGenerationNow(): void {
  if (!youngGenerationHeld) lookAtYoungGeneration();
}

function lookAtYoungGeneration(): void {
  callsSinceLook = 0;
  const young = getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
  if (young === undefined || young.space_size < YOUNG_GENERATION_CAP_BYTES) return;
  setFlagsFromString("--semi-space-growth-factor=1");
  youngGenerationHeld = true;
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
  for (const flag of [HEAP_GROWING_DEFAULT, PRETENURING_DEFAULT, INLINING_BUDGET_DEFAULT, SEMI_SPACE_GROWTH_DEFAULT]) setFlagsFromString(flag);
  youngGenerationHeld = false;
}
