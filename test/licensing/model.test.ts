import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { editionNameFor, heldLicenses, PORTS_PER_EDITION } from "../../src/licensing/holdings.js";
import { licensingRole, networkLicensing, shortfallsFor } from "../../src/licensing/model.js";
import type { Network } from "../../src/ir/types.js";
import { network } from "../support/networks.js";

function lowered(parts: Parameters<typeof network>[0]): Network {
  return checkText(network(parts)).network;
}

function byName(net: Network, name: string) {
  const licensing = networkLicensing(net).find((entry) => entry.office.name === name);
  if (!licensing) throw new Error(`no office ${name}`);
  return licensing;
}

const servers = [
  "server vm-hq { role central address 10.0.0.10 }",
  "server vm-east { role distributed address 10.2.0.10 }",
  "server vm-dr { role backup address 10.1.0.10 }",
];

describe("held licences", () => {
  it("counts 4 ports per edition licence plus the additional ports", () => {
    const net = lowered({ offices: ["office hq { role central licenses { preferred-edition voicemail-ports 6 ums 3 } }"] });
    const held = heldLicenses(net.offices[0]!);
    expect(held).toMatchObject({ edition: true, editionName: "preferred-edition", additionalPorts: 6, ports: PORTS_PER_EDITION + 6, uncertain: false });
    expect(held.features).toEqual({ ums: 3, "contact-store": 0, tts: 0 });
  });

  it("counts additional ports alone when the edition licence is missing", () => {
    const net = lowered({ offices: ["office hq { role central licenses { voicemail-ports 2 } }"] });
    expect(heldLicenses(net.offices[0]!)).toMatchObject({ edition: false, ports: 2 });
  });

  it("is uncertain when a licence could not be read", () => {
    const net = lowered({ offices: ["office hq { role central licenses { voicemail-ports 999 } }"] });
    expect(heldLicenses(net.offices[0]!).uncertain).toBe(true);
  });

  it("names the edition licence by release", () => {
    expect(editionNameFor({ major: 5, minor: 0, text: "5.0" })).toBe("voicemail-pro");
    expect(editionNameFor({ major: 6, minor: 0, text: "6.0" })).toBe("preferred-edition");
    expect(editionNameFor({ major: 11, minor: 1, text: "11.1" })).toBe("preferred-edition");
  });
});

describe("licensing roles", () => {
  it("tells central, fallback, distributed members and plain members apart", () => {
    const net = lowered({
      servers,
      offices: [
        "office hq { role central }",
        "office dr { role fallback }",
        "office east { voicemail vm-east }",
        "office branch { }",
        "office typo { voicemail vm-est }",
        "office wrong { voicemail vm-dr }",
      ],
    });
    expect(net.offices.map((office) => licensingRole(office))).toEqual(
      ["central", "fallback", "distributed-member", "member", undefined, undefined]);
  });
});

describe("needs and shortfalls", () => {
  it("leaves a second central or fallback office's role out (the count rules report it)", () => {
    const net = lowered({ offices: ["office hq { role central }", "office annex { role central }", "office dr { role fallback }", "office dr2 { role fallback }"] });
    expect(networkLicensing(net).map((licensing) => licensing.role)).toEqual(["central", undefined, "fallback", undefined]);
    expect(networkLicensing(net).map((licensing) => licensing.needs.length)).toEqual([1, 0, 1, 0]);
  });

  it("lists what each role needs against what it holds", () => {
    const net = lowered({
      servers,
      offices: [
        "office hq { role central uses ums licenses { preferred-edition voicemail-ports 8 ums 10 } }",
        "office dr { role fallback licenses { preferred-edition voicemail-ports 2 } }",
        "office east { voicemail vm-east uses tts }",
        "office branch { uses contact-store licenses { contact-store 5 } }",
      ],
    });
    expect(byName(net, "hq").shortfalls).toEqual([]);
    const fallback = byName(net, "dr");
    expect(fallback.needs.map((need) => [need.license, need.quantity, need.ruleId, need.whileInControl, need.level])).toEqual([
      ["edition", 1, "fallback-license", true, "required"],
      ["ports", 12, "fallback-capacity", true, "advised"],
      // The central office holds UMS for its users: the fallback office needs some to keep it in fallback.
      ["ums", 1, "fallback-feature-license", true, "advised"],
    ]);
    expect(fallback.shortfalls.map((shortfall) => [shortfall.need.license, shortfall.held, shortfall.missing])).toEqual([["ports", 6, 6], ["ums", 0, 1]]);
    expect(byName(net, "east").shortfalls.map((shortfall) => [shortfall.need.license, shortfall.need.ruleId])).toEqual([
      ["edition", "distributed-office-license"],
      ["tts", "feature-license"],
    ]);
    expect(byName(net, "east").server?.name).toBe("vm-east");
    expect(byName(net, "branch").needs.map((need) => need.license)).toEqual(["contact-store"]);
    expect(byName(net, "branch").shortfalls).toEqual([]);
  });

  it("concludes nothing from holdings it could not read", () => {
    const net = lowered({ offices: ["office hq { role central uses ums licenses { voicemail-ports 999 } }"] });
    expect(byName(net, "hq").needs).toHaveLength(2);
    expect(byName(net, "hq").shortfalls).toEqual([]);
  });

  it("leaves role-dependent needs out when the role is unknown, but keeps feature needs", () => {
    const net = lowered({ servers, offices: ["office hq { role central licenses { preferred-edition } }", "office typo { voicemail vm-est uses ums }"] });
    expect(byName(net, "typo").needs.map((need) => need.license)).toEqual(["ums"]);
  });

  it("marks edition and ports held by a plain member office as unneeded", () => {
    const net = lowered({ offices: ["office hq { role central licenses { preferred-edition } }", "office branch { licenses { preferred-edition voicemail-ports 2 ums 1 } }"] });
    expect(byName(net, "branch").unneeded.map((entry) => entry.license)).toEqual(["edition", "ports"]);
    expect(byName(net, "hq").unneeded).toEqual([]);
  });

  it("selects the shortfalls one rule reports", () => {
    const net = lowered({ offices: ["office hq { role central uses ums tts }", "office b { uses tts }"] });
    // b is on centralized voicemail: its TTS is licensed by the central office, in one need.
    expect(shortfallsFor(net, "feature-license").map(({ licensing, shortfall }) => `${licensing.office.name}:${shortfall.need.license}`))
      .toEqual(["hq:ums", "hq:tts"]);
    expect(shortfallsFor(net, "central-license").map(({ licensing }) => licensing.office.name)).toEqual(["hq"]);
  });

  it("leaves re-declared office names out", () => {
    const net = lowered({ offices: ["office hq { role central licenses { preferred-edition } }", "office hq { role central }"] });
    expect(networkLicensing(net)).toHaveLength(1);
  });
});
