import { describe, expect, it } from "vitest";
import { MESH, outcomes, simulationNetwork, STAR } from "./networks.js";

/** One test per row of DOMAIN.md §4's failure table, in its order, on realistic networks. */

const viaCentral = { answeredBy: "vm-hq", storedOn: "vm-hq", collectedBy: "vm-hq", controlledBy: "hq" };

describe("DOMAIN.md §4, row by row", () => {
  it("None (normal): the central server via the central office; the distributed server answers for its office", () => {
    const result = outcomes(simulationNetwork());
    for (const office of ["hq", "dr", "branch"]) expect(result[office]).toMatchObject({ ...viaCentral, status: "served", row: "normal", inferred: [] });
    expect(result.east).toMatchObject({ answeredBy: "vm-east", storedOn: "vm-hq", collectedBy: "vm-hq", controlledBy: "hq", row: "distributed-normal" });
    expect(result.hq?.notes.join(" ")).toMatch(/vm-dr is idle and keeps call flows, settings and messages synchronized/);
  });

  it("C-IPO down, F-IPO configured: the fallback office controls the central server", () => {
    const result = outcomes(simulationNetwork(), ["hq"]);
    expect(result.hq).toMatchObject({ status: "down", answeredBy: null, row: "office-down" });
    expect(result.hq?.notes.join(" ")).toMatch(/served only if their IP phones fail over to dr/);
    for (const office of ["dr", "branch"]) {
      expect(result[office]).toMatchObject({ answeredBy: "vm-hq", storedOn: "vm-hq", collectedBy: "vm-hq", controlledBy: "dr", row: "central-office-down", inferred: [] });
    }
    expect(result.east).toMatchObject({ answeredBy: "vm-east", storedOn: "vm-hq", collectedBy: "vm-hq", controlledBy: "dr" });
    const notes = result.branch?.notes.join(" ");
    expect(notes).toMatch(/about 3 minutes/);
    expect(notes).toMatch(/Changes users make during fallback .* are lost/);
    expect(notes).toMatch(/If dr restarts during fallback, these services are lost/);
  });

  it("C-IPO down, no F-IPO: no centralized voicemail (inferred)", () => {
    const result = outcomes(simulationNetwork({ fallback: false }), ["hq"]);
    expect(result.branch).toMatchObject({ status: "without-answering", answeredBy: null, storedOn: null, collectedBy: null, controlledBy: null, row: "central-office-down-no-fallback" });
    expect(result.branch?.inferred).toEqual(expect.arrayContaining(["answers", "stores", "collects"]));
    expect(result.east).toMatchObject({ status: "without-message-waiting", answeredBy: "vm-east", collectedBy: null, row: "distributed-no-controller" });
  });

  it("Link C-IPO ↔ F-IPO lost (both alive): a split, never served, for every office on either side", () => {
    // Only dr's own links fail, so dr is alone on its side.
    const result = outcomes(simulationNetwork(), ["hq--dr", "dr--east", "dr--branch"]);
    const everything = ["answers", "stores", "collects", "controlledBy"];
    expect(result.dr).toMatchObject({ status: "split", answeredBy: "vm-hq", collectedBy: "vm-hq", controlledBy: "dr", row: "fallback-link-lost", inferred: everything });
    expect(result.dr?.notes.join(" ")).toMatch(/dr stops seeing hq and takes control of vm-hq .*\(S17, S18, S27\).*which side keeps it is not documented \(inferred\)/);
    expect(result.hq).toMatchObject({ status: "split", controlledBy: "hq", row: "fallback-link-lost" });
    expect(result.branch).toMatchObject({ status: "split", controlledBy: "hq", row: "fallback-link-lost" });
    // The distributed server still answers; message waiting and collection are what is split.
    expect(result.east).toMatchObject({ status: "split", answeredBy: "vm-east", collectedBy: "vm-hq", row: "distributed-fallback-link-lost" });
  });

  it("a split with the central server down: both offices claim the backup server", () => {
    const result = outcomes(simulationNetwork({ links: STAR }), ["hq--dr", "vm-hq"]);
    expect(result.dr).toMatchObject({ status: "split", answeredBy: "vm-dr", controlledBy: "dr", row: "fallback-link-lost-central-server-down" });
    expect(result.branch).toMatchObject({ status: "split", answeredBy: "vm-dr", controlledBy: "hq", row: "fallback-link-lost-central-server-down" });
    expect(result.east).toMatchObject({ status: "served", answeredBy: "vm-east", row: "distributed-central-server-down-backup" });
  });

  it("C-VM down, B-VM configured: the backup server via the central office", () => {
    const result = outcomes(simulationNetwork(), ["vm-hq"]);
    for (const office of ["hq", "dr", "branch"]) {
      expect(result[office]).toMatchObject({ answeredBy: "vm-dr", storedOn: "vm-dr", collectedBy: "vm-dr", controlledBy: "hq", row: "central-server-down", inferred: ["collects"] });
    }
    // R6 has no Failback Option: its manual's p55 says what happens instead (S2).
    expect(result.hq?.notes.join(" ")).toMatch(/new messages on vm-dr are synchronized back, but vm-hq does not resume control by itself: vm-dr stays the active server until it fails, and then vm-hq resumes \(S2, the R6 manual's p55/);
    expect(result.hq?.notes.join(" ")).not.toMatch(/Failback Option \(/);
    expect(result.east).toMatchObject({ answeredBy: "vm-east", storedOn: "vm-east", collectedBy: "vm-east", row: "distributed-central-server-down-backup" });
  });

  it("C-VM down, B-VM configured: the Failback Option decides only at versions that have one", () => {
    const at = (release: string): string => outcomes(simulationNetwork().replace("release 6.0", `release ${release}`), ["vm-hq"]).hq?.notes.join(" ") ?? "";
    expect(at("12.2")).toMatch(/the Failback Option \(graceful, the default\) decides when control returns to it \(S9, S10/);
    expect(at("11.1")).toMatch(/No document read for scnc says whether Voicemail Pro 11\.1 has a Failback Option \(it is documented from R12\.2, S9, S10\): if it has, the Failback Option \(graceful, the default\) decides when control returns to it; if not, vm-hq does not resume control by itself.*\(inferred\)/);
    expect(at("12.1")).toMatch(/whether Voicemail Pro 12\.1 has a Failback Option/);
    expect(at("6.1")).toMatch(/does not resume control by itself.*There is no Failback Option at this version\.$/);
    expect(at("6.1")).not.toMatch(/inferred|decides/);
    expect(at("7.0")).toMatch(/whether Voicemail Pro 7\.0 has/);
  });

  it("C-VM down, no B-VM: no voicemail for centralized offices; the distributed server stores and collects for its own", () => {
    const result = outcomes(simulationNetwork({ backup: false }), ["vm-hq"]);
    for (const office of ["hq", "dr", "branch"]) {
      expect(result[office]).toMatchObject({ status: "without-answering", answeredBy: null, row: "central-server-down-no-backup" });
      expect(result[office]?.inferred).toEqual(["answers", "stores", "collects"]);
    }
    expect(result.east).toMatchObject({ status: "served", answeredBy: "vm-east", storedOn: "vm-east", collectedBy: "vm-east", row: "distributed-central-server-down", inferred: ["collects"] });
    expect(result.east?.notes.join(" ")).toMatch(/forwards them when it returns/);
  });

  it("C-IPO and C-VM both down, F-IPO + B-VM configured: the backup server under the fallback office", () => {
    const result = outcomes(simulationNetwork(), ["hq", "vm-hq"]);
    for (const office of ["dr", "branch"]) {
      expect(result[office]).toMatchObject({ answeredBy: "vm-dr", storedOn: "vm-dr", collectedBy: "vm-dr", controlledBy: "dr", row: "central-office-and-server-down", inferred: [] });
    }
  });

  it("B-VM down (C-VM healthy): unchanged; synchronization resumes later (inferred)", () => {
    const result = outcomes(simulationNetwork(), ["vm-dr"]);
    for (const office of ["hq", "dr", "branch"]) expect(result[office]).toMatchObject({ ...viaCentral, status: "served", row: "backup-server-down", inferred: [] });
    expect(result.hq?.notes.join(" ")).toMatch(/resumes when it returns \(inferred\)/);
  });

  it("D-VM down: no documented fallback for its office's calls; the central server still collects", () => {
    const result = outcomes(simulationNetwork(), ["vm-east"]);
    expect(result.east).toMatchObject({ status: "without-answering", answeredBy: null, storedOn: null, collectedBy: "vm-hq", controlledBy: "hq", row: "distributed-server-down" });
    expect(result.east?.inferred).toContain("answers");
    expect(result.branch).toMatchObject({ ...viaCentral, row: "normal" });
  });

  it("SCN link R-IPO ↔ C-IPO down: the remote has no voicemail (inferred)", () => {
    const result = outcomes(simulationNetwork({ links: STAR }), ["hq--branch"]);
    expect(result.branch).toMatchObject({ status: "without-answering", answeredBy: null, collectedBy: null, row: "cut-off" });
    expect(result.branch?.inferred).toEqual(["answers", "stores", "collects", "controlledBy"]);
    expect(result.branch?.notes.join(" ")).toMatch(/message waiting updates cannot reach its phones \(inferred\)/);
  });

  it("SCN link D-IPO ↔ C-IPO down (D-VM reachable): the distributed server answers and queues; no collection (inferred)", () => {
    const result = outcomes(simulationNetwork({ links: STAR }), ["east--hq"]);
    expect(result.east).toMatchObject({
      status: "without-message-waiting", answeredBy: "vm-east", storedOn: "vm-east", collectedBy: null, controlledBy: null, row: "distributed-cut-off",
    });
  });
});

describe("reachability under failures", () => {
  it("an office reached over another path keeps centralized voicemail when its direct link fails", () => {
    const result = outcomes(simulationNetwork({ links: MESH }), ["hq--branch"]);
    expect(result.branch).toMatchObject({ ...viaCentral, row: "normal" });
  });

  it("a failed office cuts the paths through it", () => {
    const text = simulationNetwork({ links: [...STAR, "branch -- far"], extraOffices: ["office far { address 10.0.4.1 }"] });
    const result = outcomes(text, ["branch"]);
    expect(result.branch?.status).toBe("down");
    expect(result.far).toMatchObject({ status: "without-answering", row: "cut-off" });
  });

  it("offices behind the failed central office follow the fallback office when they reach it, and lose service when they do not", () => {
    const text = simulationNetwork({ links: ["hq -- dr", "hq -- east", "hq -- branch", "dr -- branch"] });
    const result = outcomes(text, ["hq"]);
    expect(result.branch).toMatchObject({ controlledBy: "dr", row: "central-office-down" });
    expect(result.east).toMatchObject({ status: "without-message-waiting", row: "distributed-cut-off" });
  });

  it("the fallback office takes over when its line to the central office fails, even while another path remains (S17, S18)", () => {
    const result = outcomes(simulationNetwork({ links: MESH }), ["hq--dr"]);
    for (const office of ["hq", "dr", "branch", "east"]) expect(result[office]?.status, office).toBe("split");
    expect(result.dr).toMatchObject({ controlledBy: "dr", row: "fallback-link-lost" });
  });

  it("no split when the central office is down: that is fallback proper", () => {
    const result = outcomes(simulationNetwork({ links: MESH }), ["hq", "hq--dr"]);
    expect(result.branch).toMatchObject({ status: "served", controlledBy: "dr", row: "central-office-down" });
  });

  it("the central and fallback offices down together leave no office in control", () => {
    const result = outcomes(simulationNetwork(), ["hq", "dr"]);
    expect(result.branch).toMatchObject({ status: "without-answering", row: "central-office-down-no-fallback" });
    expect(result.branch?.notes.join(" ")).toMatch(/the fallback office dr is down too/);
    expect(result.hq?.notes.join(" ")).not.toMatch(/fail over to dr/);
  });
});
