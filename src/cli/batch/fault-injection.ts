/**
 * Test-only faults, so that tests of the shipped CLI can prove a batch survives them without
 * hanging. SCNC_TEST_FAULT holds comma-separated settings:
 * - `throw:TEXT`: checking any file whose path contains TEXT throws, on the main thread and in
 *   workers alike (as a bug in a rule would);
 * - `crash:TEXT`: a job (worker process or thread) handed such a file dies (as if it ran out of memory); the main
 *   thread ignores this one;
 * - `workers-only`: the main thread leaves every file to the workers while any is alive, so that
 *   a small batch still exercises them.
 */
export type Fault = "throw" | "crash";

function settings(): string[] {
  return process.env.SCNC_TEST_FAULT?.split(",") ?? [];
}

export function injectedFault(file: string): Fault | undefined {
  for (const setting of settings()) {
    const match = /^(throw|crash):(.+)$/.exec(setting);
    if (match && file.includes(match[2] as string)) return match[1] as Fault;
  }
  return undefined;
}

export function workersOnly(): boolean {
  return settings().includes("workers-only");
}
