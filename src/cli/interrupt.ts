import { constants } from "node:os";

/**
 * Ctrl-C (SIGINT) and a termination request (SIGTERM) during `build`, honoured cooperatively
 * (docs/decisions.md, "Ctrl-C during a build"); a command that writes one file listens the same way
 * while it writes (src/cli/atomic-file.ts). A signal only records that it came; the build asks
 * at its safe points (before each network, when its lock is taken, and when a new tree is complete
 * but not yet renamed into place) and stops there: the new tree is deleted, the lock released,
 * every network already swapped in is whole, and no index is written. Nothing is ever cleaned up
 * from the signal handler itself: between the swap's two renames the lock is the record the next
 * build needs to put the old tree back, so removing it there could lose a network's directory.
 * A second signal ends the process at once, as if no handler were installed; the next build then
 * recovers as after a kill (the lock is taken over and its leftovers are dealt with).
 */
export interface Interrupts {
  /** The first signal that came, undefined until one does. */
  readonly requested: NodeJS.Signals | undefined;
  /** Resolves when the first signal comes (a test pause waits on it). */
  readonly arrived: Promise<NodeJS.Signals>;
  /** Stops listening: a second signal, or one after the command, acts as if no handler was installed. */
  close(): void;
}

/** Thrown at a safe point once a signal has come; the command reports it and exits 128 + its number.
 * `left`, when given, is what the interrupt left ("out.sarif was left as it was"), for main() to print. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor(readonly signal: NodeJS.Signals, readonly left?: string) {
    super(`interrupted by ${signal}`);
  }
}

/** A safe point: stop here if a signal has come. */
export function stopIfInterrupted(interrupts: Interrupts): void {
  if (interrupts.requested !== undefined) throw new InterruptedError(interrupts.requested);
}

/** Waits `milliseconds`, or less if a signal comes meanwhile (the test hooks' pauses). */
export function pauseUnlessInterrupted(milliseconds: number, interrupts: Interrupts): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    void interrupts.arrived.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The shell's code for a process ended by `signal`: 130 for SIGINT, 143 for SIGTERM. */
export function interruptedExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 2);
}

/** Where no signal can come (in-process runs that give no listener). */
export const NO_INTERRUPTS: Interrupts = { requested: undefined, arrived: new Promise(() => undefined), close: () => undefined };

export const INTERRUPT_SIGNALS = ["SIGINT", "SIGTERM"] as const satisfies readonly NodeJS.Signals[];

/** A listener that a caller (a test) triggers itself. */
export function manualInterrupts(): Interrupts & { request(signal: NodeJS.Signals): void } {
  let requested: NodeJS.Signals | undefined;
  let arrive: (signal: NodeJS.Signals) => void = () => undefined;
  const arrived = new Promise<NodeJS.Signals>((resolve) => (arrive = resolve));
  return {
    get requested() {
      return requested;
    },
    arrived,
    request(signal) {
      if (requested !== undefined) return;
      requested = signal;
      arrive(signal);
    },
    close: () => undefined,
  };
}

/** The real process's SIGINT and SIGTERM, from now until close(); `onFirst` learns of the first. */
export function processInterrupts(onFirst: (signal: NodeJS.Signals) => void): Interrupts {
  const interrupts = manualInterrupts();
  const close = (): void => {
    for (const signal of INTERRUPT_SIGNALS) process.off(signal, handle);
  };
  function handle(signal: NodeJS.Signals): void {
    if (interrupts.requested === undefined) {
      interrupts.request(signal);
      onFirst(signal);
      return;
    }
    // The second one: the user will not wait for the safe point. End as the signal would have.
    close();
    process.kill(process.pid, signal);
  }
  for (const signal of INTERRUPT_SIGNALS) process.on(signal, handle);
  return { get requested() { return interrupts.requested; }, arrived: interrupts.arrived, close };
}
