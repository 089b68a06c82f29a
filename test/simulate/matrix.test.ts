import { describe, expect, it } from "vitest";
import { acceptedSingleFailures, compareCases, failureMatrix, matrixDevices, singleFailureGaps, survivability } from "../../src/simulate/matrix.js";
import { checkedNetwork, RESILIENT, simulationNetwork } from "./networks.js";

describe("failureMatrix", () => {
  const network = checkedNetwork(simulationNetwork());
  const matrix = failureMatrix(network);

  it("fails the central and fallback offices, the central, backup and distributed servers, and every link", () => {
    expect(matrixDevices(network).map((device) => device.name)).toEqual([
      "hq", "dr", "vm-hq", "vm-dr", "vm-east", "hq--dr", "hq--east", "hq--branch", "dr--east", "dr--branch",
    ]);
  });

  it("holds every single and every double failure once", () => {
    const n = matrix.devices.length;
    expect(matrix.cases).toHaveLength(n + (n * (n - 1)) / 2);
    expect(new Set(matrix.cases.map((entry) => entry.name)).size).toBe(matrix.cases.length);
  });

  it("puts the worst cases first, then single before double, then by name", () => {
    // The order spelled out on the cases themselves, not through compareCases.
    const keys = matrix.cases.map((entry) => [-entry.withoutAnswering.length, -entry.split.length, -entry.withoutMessageWaiting.length, entry.failed.length, entry.name] as const);
    for (let index = 1; index < keys.length; index++) {
      const [before, after] = [keys[index - 1]!, keys[index]!];
      const firstDifference = before.findIndex((value, position) => value !== after[position]);
      expect(firstDifference, `${before[4]} / ${after[4]}`).toBeGreaterThanOrEqual(0);
      expect(before[firstDifference]! < after[firstDifference]!, `${before[4]} before ${after[4]}`).toBe(true);
    }
    expect(new Set(matrix.cases.map((entry) => entry.withoutAnswering.length)).size).toBeGreaterThan(1);
    for (let index = 1; index < matrix.cases.length; index++) {
      expect(compareCases(matrix.cases[index - 1]!, matrix.cases[index]!)).toBeLessThan(0);
    }
    expect(matrix.cases[0]).toMatchObject({ name: "vm-hq + vm-dr" });
    expect(matrix.cases[0]?.withoutAnswering.map((outcome) => outcome.office.name)).toEqual(["hq", "dr", "branch"]);
  });

  it("does not count a failed office as losing voicemail", () => {
    const hqDown = matrix.cases.find((entry) => entry.name === "hq");
    expect(hqDown?.withoutAnswering).toEqual([]);
  });

  it("finds the single failures that leave an office without answering", () => {
    expect(singleFailureGaps(matrix).map((entry) => entry.name)).toEqual(["vm-east", "hq--dr"]);
    expect(singleFailureGaps(failureMatrix(checkedNetwork(RESILIENT)))).toEqual([]);
  });

  it("counts a split, names its offices, and lets accept-failure take it out of the gaps", () => {
    const split = matrix.cases.find((entry) => entry.name === "hq--dr");
    expect(split?.split.map((outcome) => outcome.office.name)).toEqual(["hq", "dr", "east", "branch"]);
    expect(split?.withoutAnswering).toEqual([]);
    const resilient = failureMatrix(checkedNetwork(RESILIENT));
    expect(acceptedSingleFailures(resilient).map((entry) => [entry.name, entry.accepted?.reason?.value])).toEqual([
      ["hq--dr", "a split is accepted"],
    ]);
  });
});

describe("survivability", () => {
  const network = checkedNetwork(simulationNetwork().replace(/\n}\n$/, '\n  accept-failure vm-east "east records locally; accepted"\n}\n'));
  const data = survivability(network);

  it("gives every office's status in every single and double failure, in the matrix's order", () => {
    const matrix = failureMatrix(network);
    expect(data.cases.map((entry) => entry.name)).toEqual(matrix.cases.map((entry) => entry.name));
    expect(data.offices.map((office) => office.name)).toEqual(["hq", "dr", "east", "branch"]);
    for (const entry of data.cases) expect(entry.cells.map((cell) => cell.office.name)).toEqual(["hq", "dr", "east", "branch"]);
  });

  it("marks the accepted losses as accepted and keeps the simulated status", () => {
    const accepted = data.cases.find((entry) => entry.name === "vm-east");
    expect(accepted?.cells.map((cell) => [cell.status, cell.simulated])).toEqual([
      ["served", "served"], ["served", "served"], ["accepted", "without-answering"], ["served", "served"],
    ]);
    const split = data.cases.find((entry) => entry.name === "hq--dr");
    expect(split?.cells.map((cell) => cell.status)).toEqual(["split", "split", "split", "split"]);
    const down = data.cases.find((entry) => entry.name === "hq");
    expect(down?.cells[0]?.status).toBe("down");
  });
});
