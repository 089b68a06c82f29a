import { describe, expect, it } from "vitest";
import { resolveFailures } from "../../src/simulate/failures.js";
import { checkedNetwork, simulationNetwork } from "./networks.js";

const network = checkedNetwork(simulationNetwork());

function resolve(names: string[]): string[] | string {
  const resolution = resolveFailures(network, names);
  return resolution.ok ? resolution.failures.devices.map((device) => `${device.kind}:${device.name}`) : resolution.message;
}

describe("resolveFailures", () => {
  it("finds offices and servers by name, and links in either order under their declared name", () => {
    expect(resolve(["hq", "vm-dr", "branch--hq", "dr -- east"])).toEqual(["office:hq", "server:vm-dr", "link:hq--branch", "link:dr--east"]);
  });

  it("counts a device named twice once", () => {
    expect(resolve(["hq", "hq", "hq--dr", "dr--hq"])).toEqual(["office:hq", "link:hq--dr"]);
  });

  it("suggests the closest name for an unknown device", () => {
    expect(resolve(["vm-hqq"])).toBe("--fail: no office, server or link is named 'vm-hqq'; did you mean 'vm-hq'?");
    expect(resolve(["hq-dr"])).toBe("--fail: no office, server or link is named 'hq-dr'; did you mean 'hq--dr'?");
    expect(resolve(["nothing-like-it"])).toBe("--fail: no office, server or link is named 'nothing-like-it'");
  });

  it("explains a link whose ends are wrong", () => {
    expect(resolve(["hq--brnch"])).toBe("--fail: link 'hq--brnch': no office is named 'brnch'; did you mean 'branch'?");
    expect(resolve(["hq--vm-hq"])).toBe("--fail: link 'hq--vm-hq': 'vm-hq' is a server, not an office; links join offices");
    expect(resolve(["east--branch"])).toMatch(/^--fail: no link joins 'east' and 'branch'/);
    expect(resolve(["a--b--c"])).toBe("--fail: 'a--b--c' is not a device name; name a link as A--B");
  });

  it("rejects an empty name", () => {
    expect(resolve(["hq", ""])).toBe("--fail: empty device name (check for a doubled or trailing comma)");
  });
});
