import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { hopsFrom } from "../../src/ir/graph.js";
import { roles } from "../../src/ir/queries.js";
import type { Network, Release } from "../../src/ir/types.js";
import { compareReleases } from "../../src/ir/values.js";
import { repositoryRoot } from "../support/cli.js";

// Issue 3 asks for four realistic networks of given shapes. examples.test.ts holds them clean;
// this holds each to the shape its name and comments promise, read from the IR (not the text).

function networkOf(file: string): Network {
  const { network, diagnostics } = checkText(readFileSync(path.join(repositoryRoot, "examples", file), "utf8"));
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return network;
}

function officeReleases(network: Network): Release[] {
  return network.offices.map((office) => office.release?.value).filter((release) => release !== undefined);
}

function serverRoles(network: Network): string[] {
  return network.servers.map((server) => server.role?.value ?? "none");
}

/** Offices by their hop count from the central office. */
function hopsFromCentral(network: Network): Map<string, number> {
  const central = roles(network).centralOffice;
  if (!central) throw new Error("no central office");
  const hops = hopsFrom(network, central);
  return new Map(network.offices.map((office) => [office.name, hops[office.index] as number]));
}

const release = (text: string): Release => {
  const [major, minor] = text.split(".").map(Number) as [number, number];
  return { major, minor, text };
};

describe("examples/: each network has the shape it is named for", () => {
  it("r5-fallback-office.scn: R5, a fallback office, and no backup or distributed server", () => {
    const network = networkOf("r5-fallback-office.scn");
    const releases = officeReleases(network);
    expect(releases).toHaveLength(network.offices.length);
    expect(releases.every((each) => each.major === 5)).toBe(true);
    expect(network.servers.every((server) => server.version?.value.major === 5)).toBe(true);
    expect(roles(network).fallbackOffice?.name).toBe("marina");
    expect(serverRoles(network)).toEqual(["central"]);
  });

  it("r8-r9-phased-upgrade.scn: a phased upgrade, offices on two adjacent major releases (8 and 9), servers at 9", () => {
    const network = networkOf("r8-r9-phased-upgrade.scn");
    const majors = new Set(officeReleases(network).map((each) => each.major));
    expect([...majors].sort()).toEqual([8, 9]);
    expect(officeReleases(network)).toHaveLength(network.offices.length);
    expect(network.servers.every((server) => server.version?.value.major === 9)).toBe(true);
    expect(serverRoles(network).sort()).toEqual(["backup", "central", "distributed"]);
    expect(roles(network).fallbackOffice?.name).toBe("warehouse");
  });

  it("r6-backup-server.scn: R6, a backup server, and no fallback office or distributed server", () => {
    const network = networkOf("r6-backup-server.scn");
    expect(officeReleases(network).every((each) => each.major === 6)).toBe(true);
    expect(serverRoles(network).sort()).toEqual(["backup", "central"]);
    expect(roles(network).fallbackOffice).toBeUndefined();
  });

  it("r6-distributed-servers.scn: R6, two distributed servers, one shared by three offices", () => {
    const network = networkOf("r6-distributed-servers.scn");
    expect(officeReleases(network).every((each) => each.major === 6)).toBe(true);
    const distributed = network.servers.filter((server) => server.role?.value === "distributed");
    expect(distributed.map((server) => server.usedBy.length).sort()).toEqual([1, 3]);
    expect(distributed.every((server) => server.version !== undefined && server.version.value.major >= 6)).toBe(true);
  });

  it("r11-ip-office-lines.scn: R8.1+ (IP Office Lines), backup and fallback, a remote two hops from the central office", () => {
    const network = networkOf("r11-ip-office-lines.scn");
    const releases = officeReleases(network);
    expect(releases).toHaveLength(network.offices.length);
    expect(releases.every((each) => compareReleases(each, release("8.1")) >= 0)).toBe(true);
    expect(serverRoles(network).sort()).toEqual(["backup", "central"]);
    expect(roles(network).fallbackOffice).toBeDefined();
    const twoHops = [...hopsFromCentral(network)].filter(([name, hops]) =>
      hops === 2 && network.offices.find((office) => office.name === name)?.role === "member");
    expect(twoHops.map(([name]) => name)).toEqual(["field-office"]);
  });
});
