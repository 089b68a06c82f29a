import { setFlagsFromString } from "node:v8";

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
