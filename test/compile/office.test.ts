import { describe, expect, it } from "vitest";
import { network } from "../support/networks.js";
import { compileText, officeOf } from "./compile-text.js";

const servers = [
  'server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }',
  'server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }',
  'server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }',
];
const hq = "office hq { role central address 10.0.0.1 licenses { preferred-edition voicemail-ports 8 ums 40 } }";
const dr = "office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }";
const east = "office east { address 10.2.0.1 voicemail vm-east licenses { preferred-edition } }";
const branch = "office branch { address 10.3.0.1 }";

const acme = compileText(network({
  servers,
  offices: [hq, dr, east, branch],
  links: ["link hq -- dr { group-id 100 }", "link hq -- east { group-id 101 }", "link east -- branch { group-id 102 }"],
}));

describe("office identity", () => {
  it("copies name, network, address and release as declared, release as a string", () => {
    const office = officeOf(acme, "branch");
    expect([office.kind, office.name, office.network, office.address, office.release]).toEqual(["office", "branch", "Test", "10.3.0.1", "6.0"]);
  });

  it("gives each office its role", () => {
    expect(acme.offices.map((office) => [office.name, office.role])).toEqual([
      ["hq", "central"], ["dr", "fallback"], ["east", "distributed-member"], ["branch", "member"],
    ]);
  });

  it("writes an undeclared address as null", () => {
    const compiled = compileText(network({ offices: ["office hq { role central licenses { preferred-edition } }"] }));
    expect(officeOf(compiled, "hq").address).toBeNull();
  });
});

describe("System > Voicemail", () => {
  it("sets the Voicemail Type by role", () => {
    expect(acme.offices.map((office) => office.voicemail.voicemailType)).toEqual([
      "Voicemail Pro", "Centralized Voicemail", "Distributed Voicemail", "Centralized Voicemail",
    ]);
  });

  // S2 p55, S4: the central office holds the servers' addresses; a fallback office is on Centralized
  // Voicemail like a member and takes control through its fallback line (S17, S18).
  it("points the central office at the central server, a distributed member at its own server, fallback and member at nothing", () => {
    expect(acme.offices.map((office) => office.voicemail.voicemailIpAddress)).toEqual(["10.0.0.10", null, "10.2.0.10", null]);
  });

  it("gives only the central office the backup server's address", () => {
    expect(acme.offices.map((office) => office.voicemail.backupVoicemailIpAddress)).toEqual(["10.1.0.10", null, null, null]);
  });

  it("leaves the backup address null when there is no backup server", () => {
    const compiled = compileText(network({ offices: [hq, dr], links: ["link hq -- dr { group-id 100 }"] }));
    expect(officeOf(compiled, "hq").voicemail.backupVoicemailIpAddress).toBeNull();
    expect(officeOf(compiled, "dr").voicemail.backupVoicemailIpAddress).toBeNull();
  });

  it("gives every office but the central one the group id of the first hop toward the central office", () => {
    expect(acme.offices.map((office) => office.voicemail.voicemailDestination)).toEqual([null, 100, 101, 102]);
  });

  it("gives a member three hops away the group id of its own first hop", () => {
    const compiled = compileText(network({
      offices: [hq, "office a { }", "office b { }", "office c { }"],
      links: ["link hq -- a { group-id 11 }", "link a -- b { group-id 12 }", "link b -- c { group-id 13 }"],
    }));
    expect(compiled.offices.map((office) => office.voicemail.voicemailDestination)).toEqual([null, 11, 12, 13]);
  });

  it("follows the shortest path, not the first link declared", () => {
    const compiled = compileText(network({
      offices: [hq, "office a { }", "office b { }", "office c { }"],
      links: ["link c -- b { group-id 31 }", "link b -- a { group-id 21 }", "link a -- hq { group-id 11 }", "link c -- hq { group-id 30 }"],
    }));
    expect(officeOf(compiled, "c").voicemail.voicemailDestination).toBe(30);
  });

  it("breaks a tie between equally short paths by the link declared first", () => {
    const compiled = compileText(network({
      offices: [hq, "office a { }", "office b { }", "office c { }"],
      links: ["link hq -- a { group-id 1 }", "link hq -- b { group-id 2 }", "link c -- b { group-id 32 }", "link c -- a { group-id 31 }"],
    }));
    expect(officeOf(compiled, "c").voicemail.voicemailDestination).toBe(32);
  });
});

describe("Security Settings", () => {
  it("writes the password as given to the compiler on the offices a server connects to, and omits security on a member", () => {
    const text = network({ offices: [hq, branch], links: ["link hq -- branch { group-id 5 }"] });
    expect(compileText(text, { env: "VM_PASSWORD" }).offices.map((office) => office.security))
      .toEqual([{ voicemailPassword: { env: "VM_PASSWORD" } }, undefined]);
    expect(officeOf(compileText(text), "hq").security).toEqual({ voicemailPassword: null });
    expect(acme.offices.map((office) => [office.role, office.security !== undefined])).toEqual([
      ["central", true], ["fallback", true], ["distributed-member", true], ["member", false],
    ]);
  });
});

describe("lines", () => {
  it("numbers each office's lines from 17 in declaration order, one per link", () => {
    expect(officeOf(acme, "hq").lines.map((line) => [line.lineNumber, line.peer, line.peerAddress, line.outgoingGroupId]))
      .toEqual([[17, "dr", "10.1.0.1", 100], [18, "east", "10.2.0.1", 101]]);
    expect(officeOf(acme, "east").lines.map((line) => [line.lineNumber, line.peer, line.outgoingGroupId]))
      .toEqual([[17, "hq", 101], [18, "branch", 102]]);
  });

  it("uses H.323 lines with IP Office SCN below 8.0, and IP Office SCN - Fallback on both ends of the central-fallback link", () => {
    expect(officeOf(acme, "hq").lines).toEqual([
      { lineNumber: 17, lineType: "H.323", supplementaryServices: "IP Office SCN - Fallback", peer: "dr", peerAddress: "10.1.0.1", outgoingGroupId: 100 },
      { lineNumber: 18, lineType: "H.323", supplementaryServices: "IP Office SCN", peer: "east", peerAddress: "10.2.0.1", outgoingGroupId: 101 },
    ]);
    expect(officeOf(acme, "dr").lines[0]).toMatchObject({ lineType: "H.323", supplementaryServices: "IP Office SCN - Fallback" });
  });

  it("uses IP Office Lines with Networking Level SCN from 8.0, and SCN Resiliency on the central-fallback link only", () => {
    const compiled = compileText(network({
      release: "8.0",
      offices: [hq, dr, branch],
      links: ["link hq -- dr { group-id 100 }", "link hq -- branch { group-id 103 }"],
    }));
    expect(officeOf(compiled, "hq").lines).toEqual([
      {
        lineNumber: 17, lineType: "IP Office Line", networkingLevel: "SCN", peer: "dr", peerAddress: "10.1.0.1", outgoingGroupId: 100,
        scnResiliency: { supportsResiliency: true, backsUpMyVoicemail: true },
      },
      { lineNumber: 18, lineType: "IP Office Line", networkingLevel: "SCN", peer: "branch", peerAddress: "10.3.0.1", outgoingGroupId: 103 },
    ]);
    expect(officeOf(compiled, "dr").lines[0]).toMatchObject({ scnResiliency: { supportsResiliency: true, backsUpMyVoicemail: false } });
    expect(officeOf(compiled, "branch").lines[0]).not.toHaveProperty("scnResiliency");
    expect(officeOf(compiled, "branch").lines[0]).not.toHaveProperty("supplementaryServices");
  });

  it("lets the lower release of the two ends decide the line type, the same on both ends", () => {
    const compiled = compileText(network({
      release: "8.1",
      offices: [hq, "office old { release 7.0 }", "office new { release 9.1 }"],
      links: ["link hq -- old { group-id 1 }", "link hq -- new { group-id 2 }"],
    }));
    expect(officeOf(compiled, "hq").lines.map((line) => line.lineType)).toEqual(["H.323", "IP Office Line"]);
    expect(officeOf(compiled, "old").lines[0]?.lineType).toBe("H.323");
    expect(officeOf(compiled, "new").lines[0]).toMatchObject({ lineType: "IP Office Line", networkingLevel: "SCN" });
  });

  it("switches exactly at 8.0", () => {
    const at = (release: string) => officeOf(compileText(network({
      release, offices: [hq, branch], links: ["link hq -- branch { group-id 7 }"],
    })), "hq").lines[0]?.lineType;
    expect([at("7.9"), at("8.0")]).toEqual(["H.323", "IP Office Line"]);
  });
});

describe("licences", () => {
  it("lists only what the office declares, in a fixed order, with quantities", () => {
    expect(officeOf(acme, "hq").licenses).toEqual([
      { name: "Preferred Edition (Voicemail Pro)", quantity: 1 },
      { name: "Preferred Edition Additional Voicemail Ports", quantity: 8 },
      { name: "UMS", quantity: 40 },
    ]);
    expect(officeOf(acme, "branch").licenses).toEqual([]);
  });

  it("names the ports licence by release: Preferred Edition Additional Voicemail Ports from 6.0 (S12), the older name below", () => {
    const compiled = compileText(network({
      release: "5.0",
      offices: ["office hq { role central licenses { voicemail-pro voicemail-ports 2 } }", "office new { release 6.0 licenses { voicemail-ports 4 } }"],
      links: ["link hq -- new { group-id 100 }"],
    }));
    expect(officeOf(compiled, "hq").licenses[1]).toEqual({ name: "Additional Voicemail Ports", quantity: 2 });
    expect(officeOf(compiled, "new").licenses).toEqual([{ name: "Preferred Edition Additional Voicemail Ports", quantity: 4 }]);
  });

  it("names the edition licence by the office's own release: Voicemail Pro below 6.0, Preferred Edition from 6.0", () => {
    const compiled = compileText(network({
      release: "5.0",
      offices: [
        "office hq { role central licenses { voicemail-pro contact-store 3 tts 2 } }",
        "office new { release 6.0 licenses { voicemail-pro } }",
        "office old { licenses { preferred-edition } }",
      ],
      links: ["link hq -- new { group-id 1 }", "link hq -- old { group-id 2 }"],
    }));
    expect(officeOf(compiled, "hq").licenses).toEqual([
      { name: "Voicemail Pro", quantity: 1 }, { name: "ContactStore", quantity: 3 }, { name: "TTS", quantity: 2 },
    ]);
    expect(officeOf(compiled, "new").licenses).toEqual([{ name: "Preferred Edition (Voicemail Pro)", quantity: 1 }]);
    expect(officeOf(compiled, "old").licenses).toEqual([{ name: "Voicemail Pro", quantity: 1 }]);
  });
});
