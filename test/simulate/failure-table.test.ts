import { describe, expect, it } from "vitest";
import { CENTRALIZED_ROWS, DISTRIBUTED_ROWS, OFFICE_DOWN, type FailureRow } from "../../src/simulate/failure-table.js";
import { matchingRows } from "../../src/simulate/row-lookup.js";
import type { Situation } from "../../src/simulate/situation.js";

/** Every situation the simulation can produce: the table must answer each exactly once. */
function allSituations(): Situation[] {
  const situations: Situation[] = [];
  for (const office of ["up", "down"] as const)
    for (const control of ["central-office", "fallback-office", "split-central-side", "split-fallback-side", "cut-off", "no-controller"] as const)
      for (const centralServer of ["up", "down"] as const)
        for (const backupServer of ["none", "up", "down"] as const)
          for (const distributedServer of ["not-used", "up", "down"] as const)
            situations.push({ office, control, centralServer, backupServer, distributedServer });
  return situations;
}

/** DOMAIN.md §4's rows, in its own words and order. */
const DOMAIN_ROWS = [
  "None (normal)",
  "C-IPO down, F-IPO configured",
  "C-IPO down, no F-IPO",
  "Link C-IPO ↔ F-IPO lost (both IPOs alive)",
  "C-VM down, B-VM configured",
  "C-VM down, no B-VM",
  "C-IPO and C-VM both down, F-IPO + B-VM configured",
  "B-VM down (C-VM healthy)",
  "D-VM down",
  "SCN link R-IPO ↔ C-IPO down",
  "SCN link D-IPO ↔ C-IPO down (D-VM reachable)",
];

/** The columns DOMAIN.md marks (inferred), by the row of the table that renders them. */
const DOMAIN_INFERRED: Record<string, readonly string[]> = {
  "central-office-down-no-fallback": ["answers", "stores", "collects"], // "no centralized voicemail … (inferred)"
  "central-server-down": ["collects"], // "B-VM (inferred: it is the active server)"
  "central-server-down-no-backup": ["answers", "stores", "collects"], // "no voicemail for C-IPO or R-IPOs (inferred)"
  "distributed-central-server-down": ["collects"], // "(inferred for MWI)"
  "distributed-server-down": ["answers"], // "inferred loss of service"
  "cut-off": ["answers", "stores", "collects"], // "R-IPO has no voicemail … (inferred)"
  "distributed-cut-off": ["answers", "stores", "collects"], // every cell "(inferred)"
};

const ALL_ROWS: readonly FailureRow[] = [OFFICE_DOWN, ...CENTRALIZED_ROWS, ...DISTRIBUTED_ROWS];

describe("the failure table", () => {
  it("answers every situation with exactly one row", () => {
    for (const situation of allSituations()) {
      expect(matchingRows(situation).map((row) => row.id), JSON.stringify(situation)).toHaveLength(1);
    }
  });

  it("has no row that no situation reaches", () => {
    const used = new Set(allSituations().map((situation) => matchingRows(situation)[0]?.id));
    expect(ALL_ROWS.map((row) => row.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it("has unique ids", () => {
    expect(new Set(ALL_ROWS.map((row) => row.id)).size).toBe(ALL_ROWS.length);
  });

  it("covers every row of DOMAIN.md §4", () => {
    const covered = new Set(ALL_ROWS.map((row) => row.domainRow));
    expect(DOMAIN_ROWS.filter((row) => !covered.has(row))).toEqual([]);
  });

  it("marks inferred whatever DOMAIN.md marks (inferred)", () => {
    for (const [id, columns] of Object.entries(DOMAIN_INFERRED)) {
      const row = ALL_ROWS.find((candidate) => candidate.id === id);
      expect(row?.inferred, id).toEqual(expect.arrayContaining([...columns]));
    }
  });

  it("marks every row that DOMAIN.md does not have as inferred", () => {
    for (const row of ALL_ROWS) {
      if (row === OFFICE_DOWN || DOMAIN_ROWS.includes(row.domainRow as string)) continue;
      expect(row.inferred.length, row.id).toBeGreaterThan(0);
    }
  });
});
