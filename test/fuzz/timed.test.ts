import { describe, expect, it } from "vitest";
import { timed } from "./invariants/violation.js";

function busyFor(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until);
}

describe("timed, the fuzzer's blow-up detector", () => {
  it("reports work that is over the bound every time it runs", () => {
    const problems: string[] = [];
    expect(timed("parsing", problems, () => (busyFor(30), 7), 20)).toBe(7);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^parsing took \d+ ms, then \d+ ms \(the bound is 20 ms\)$/);
  });

  it("lets a one-off pause pass (a garbage collection, a busy machine)", () => {
    const problems: string[] = [];
    let runs = 0;
    timed("parsing", problems, () => busyFor(runs++ === 0 ? 30 : 0), 20);
    expect(runs).toBe(2);
    expect(problems).toEqual([]);
  });

  it("runs fast work once", () => {
    let runs = 0;
    timed("parsing", [], () => runs++, 1000);
    expect(runs).toBe(1);
  });
});
