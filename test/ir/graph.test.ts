import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { firstHopsToward, hopsFrom } from "../../src/ir/graph.js";
import type { Network, Office } from "../../src/ir/types.js";
import { network } from "../support/networks.js";

function lowered(links: string[], offices = ["a", "b", "c", "d"]): Network {
  const text = network({
    offices: ["office hq { role central }", ...offices.map((name) => `office ${name} { }`)],
    links,
  });
  return checkText(text).network;
}

function office(net: Network, name: string): Office {
  return net.offices.find((candidate) => candidate.name === name)!;
}

describe("hopsFrom", () => {
  it("counts hops along links and marks unreachable offices -1", () => {
    const net = lowered(["link hq -- a", "link a -- b", "link b -- c"]);
    const hops = hopsFrom(net, office(net, "hq"));
    expect(net.offices.map((each) => [each.name, hops[each.index]])).toEqual([["hq", 0], ["a", 1], ["b", 2], ["c", 3], ["d", -1]]);
  });
});

describe("firstHopsToward", () => {
  it("takes the first hop of a shortest path", () => {
    const net = lowered(["link hq -- a", "link a -- b", "link b -- c", "link hq -- c"]);
    const hops = firstHopsToward(net, office(net, "hq"));
    const hopOf = (name: string) => hops[office(net, name).index];
    expect(hopOf("c")?.index).toBe(3);
    expect(hopOf("b")?.index).toBe(1);
    expect(hopOf("hq")).toBeUndefined();
  });

  it("breaks ties between equally short paths by the link declared first", () => {
    const net = lowered(["link hq -- a", "link hq -- b", "link c -- b", "link c -- a"]);
    const hops = firstHopsToward(net, office(net, "hq"));
    expect(hops[office(net, "c").index]?.index).toBe(2);
  });

  it("ignores links with an unresolved end", () => {
    const net = lowered(["link hq -- a", "link a -- nowhere"]);
    expect(firstHopsToward(net, office(net, "hq"))[office(net, "a").index]?.index).toBe(0);
  });
});
