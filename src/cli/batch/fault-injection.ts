/**
 * Test-only faults, so that tests of the shipped CLI can prove a batch survives them without
 * hanging. `SCNC_TEST_FAULT=throw:TEXT` makes checking any file whose path contains TEXT throw, on
 * the main thread and in workers alike (a bug in a rule, say); `crash:TEXT` makes a worker thread
 * die when it is handed such a file (as if it ran out of memory), and is ignored on the main thread.
 */
export type Fault = "throw" | "crash";

let configured: { fault: Fault; pathPart: string } | null | undefined;

export function injectedFault(file: string): Fault | undefined {
  if (configured === undefined) {
    const match = /^(throw|crash):(.+)$/.exec(process.env.SCNC_TEST_FAULT ?? "");
    configured = match ? { fault: match[1] as Fault, pathPart: match[2] as string } : null;
  }
  return configured && file.includes(configured.pathPart) ? configured.fault : undefined;
}
