import { describe, expect, it } from "vitest";
import { network } from "../support/networks.js";
import { compileText, serverOf } from "./compile-text.js";

const hq = "office hq { role central address 10.0.0.1 licenses { preferred-edition } }";
const dr = "office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }";
const central = (extra = "") => `server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" ${extra} }`;
const backup = 'server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" version 8.1 platform linux }';
const distributed = 'server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }';

const full = compileText(network({
  servers: [central("failback graceful"), backup, distributed],
  offices: [
    hq, dr,
    "office west { voicemail vm-east licenses { preferred-edition } }",
    "office east { voicemail vm-east licenses { preferred-edition } }",
    "office branch { }",
  ],
  links: ["link hq -- dr { group-id 1 }", "link hq -- west { group-id 2 }", "link hq -- east { group-id 3 }", "link hq -- branch { group-id 4 }"],
}), { env: "VM" });

describe("server identity", () => {
  it("copies name, network, address, version and platform as declared; platform null when absent", () => {
    const server = serverOf(full, "vm-dr");
    expect([server.kind, server.name, server.network, server.address, server.version, server.platform])
      .toEqual(["server", "vm-dr", "Test", "10.1.0.10", "8.1", "linux"]);
    expect(serverOf(full, "vm-hq").platform).toBeNull();
    expect(serverOf(full, "vm-hq").version).toBe("6.0");
  });

  it("gives each server its role", () => {
    expect(full.servers.map((server) => server.role)).toEqual(["central", "backup", "distributed"]);
  });
});

describe("controlledBy and serves", () => {
  it("has the central and backup servers controlled by the central office, then the fallback office", () => {
    expect(serverOf(full, "vm-hq").controlledBy).toEqual(["hq", "dr"]);
    expect(serverOf(full, "vm-dr").controlledBy).toEqual(["hq", "dr"]);
  });

  it("leaves the fallback office out when there is none", () => {
    const compiled = compileText(network({ servers: [central(), backup], offices: [hq] }));
    expect(serverOf(compiled, "vm-hq").controlledBy).toEqual(["hq"]);
  });

  it("has a distributed server controlled by, and serving, the offices that use it, sorted by name", () => {
    expect(serverOf(full, "vm-east").controlledBy).toEqual(["east", "west"]);
    expect(serverOf(full, "vm-east").serves).toEqual(["east", "west"]);
  });

  it("has the central server serve every office not on a distributed server, sorted; the backup none", () => {
    expect(serverOf(full, "vm-hq").serves).toEqual(["branch", "dr", "hq"]);
    expect(serverOf(full, "vm-dr").serves).toEqual([]);
  });
});

describe("preferences.general", () => {
  it("writes the voicemail password on every server", () => {
    expect(full.servers.map((server) => server.preferences.general.voicemailPassword)).toEqual([{ env: "VM" }, { env: "VM" }, { env: "VM" }]);
  });

  it("gives the central server the failback option, Graceful by default, only at versions that have it, and nothing to the others", () => {
    const failbackOf = (extra: string, release = "12.2") =>
      serverOf(compileText(network({ release, servers: [central(extra), backup] })), "vm-hq").preferences.general;
    expect(failbackOf("")).toEqual({ voicemailPassword: null, failbackOption: "Graceful" });
    expect(failbackOf("failback manual")).toEqual({ voicemailPassword: null, failbackOption: "Manual" });
    expect(failbackOf("failback automatic 15")).toEqual({ voicemailPassword: null, failbackOption: "Automatic", failbackTimeoutMinutes: 15 });
    expect(failbackOf("failback automatic")).toEqual({ voicemailPassword: null, failbackOption: "Automatic" });
    // R6 has no Failback Option (the R6 manual, p55): nothing to set, even when the network asks.
    expect(failbackOf("", "6.0")).toEqual({ voicemailPassword: null });
    expect(failbackOf("failback manual", "6.1")).toEqual({ voicemailPassword: null });
    // 7.0–12.1: no document settles it, so scnc sets it only when the network asks for it.
    expect(failbackOf("", "9.1")).toEqual({ voicemailPassword: null });
    expect(failbackOf("failback manual", "9.1")).toEqual({ voicemailPassword: null, failbackOption: "Manual" });
    expect(serverOf(full, "vm-dr").preferences.general).toEqual({ voicemailPassword: { env: "VM" } });
    expect(serverOf(full, "vm-east").preferences.general).toEqual({ voicemailPassword: { env: "VM" } });
  });
});

describe("preferences.email", () => {
  it("sets the first SMTP sender and the receiver to the server's own mail domain", () => {
    expect(serverOf(full, "vm-east").preferences.email).toEqual({
      smtpSender: { mailDomain: "vm-east.example.com" },
      smtpReceiver: { mode: "Distributed/Primary/Backup Voicemail", domain: "vm-east.example.com" },
    });
  });

  it("writes null domains for a server without a mail domain", () => {
    const compiled = compileText(network());
    expect(serverOf(compiled, "vm-hq").preferences.email).toEqual({
      smtpSender: { mailDomain: null },
      smtpReceiver: { mode: "Distributed/Primary/Backup Voicemail", domain: null },
    });
  });
});

describe("sync and forwarding", () => {
  it("syncs the central server to vmsyncslave at the backup's domain, and the backup to vmsyncmaster at the central's", () => {
    expect(serverOf(full, "vm-hq").sync).toEqual({ peer: "vm-dr", recipient: "vmsyncslave@vm-dr.example.com" });
    expect(serverOf(full, "vm-dr").sync).toEqual({ peer: "vm-hq", recipient: "vmsyncmaster@vm-hq.example.com" });
  });

  it("omits sync without a backup server, and on distributed servers", () => {
    expect(serverOf(compileText(network({ servers: [central()] })), "vm-hq")).not.toHaveProperty("sync");
    expect(serverOf(full, "vm-east")).not.toHaveProperty("sync");
  });

  it("has a distributed server forward messages to the central server's domain, and only a distributed one", () => {
    expect(serverOf(full, "vm-east").forwardsMessagesTo).toEqual({ server: "vm-hq", domain: "vm-hq.example.com" });
    expect(serverOf(full, "vm-hq")).not.toHaveProperty("forwardsMessagesTo");
    expect(serverOf(full, "vm-dr")).not.toHaveProperty("forwardsMessagesTo");
  });
});
