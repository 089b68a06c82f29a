import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import rule from "../../src/rules/scn-max-hops.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const central = "office hq { role central licenses { preferred-edition } }";

function chain(length: number, prefix = "s"): { offices: string[]; links: string[] } {
  const names = Array.from({ length }, (_, index) => `${prefix}${index + 1}`);
  return {
    offices: names.map((name) => `office ${name} { }`),
    links: names.map((name, index) => `link ${index === 0 ? "hq" : names[index - 1]} -- ${name} { group-id ${index + 1} }`),
  };
}

const five = chain(5);
const six = chain(6);

ruleTable(rule, {
  valid: [
    { name: "a chain of 5 hops", code: network({ offices: [central, ...five.offices], links: five.links }) },
    { name: "a chain of 6 hops shortened by a link", code: network({ offices: [central, ...six.offices], links: [...six.links, "link hq -- s4 { group-id 50 }"] }) },
    { name: "a component cut off by an unknown reference is not judged", code: network({ offices: [central, ...six.offices], links: [...six.links, "link s6 -- nowhere { group-id 50 }"] }) },
    { name: "a link declaration that could not be read", code: network({ offices: [central, ...six.offices], links: [...six.links, "lnk hq -- s4 { group-id 50 }"] }) },
    { name: "separate components are judged apart", code: network({ offices: [central, ...five.offices, "office x { }"], links: five.links }) },
  ],
  invalid: [
    {
      name: "a chain of 6 hops (tree: exact)",
      code: network({ offices: [central, ...six.offices], links: six.links }),
      errors: [{
        line: 10, column: 10, endColumn: 12,
        message: "offices 'hq' and 's6' are 6 links apart (hq – s1 – s2 – s3 – s4 – s5 – s6); an SCN allows at most 5 hops between two offices, so add a link that shortens this path",
      }],
    },
    {
      name: "a ring of 14 offices (mesh: exact search from every office)",
      code: network({ offices: [central, ...chain(13).offices], links: [...chain(13).links, "link s13 -- hq { group-id 99 }"] }),
      errors: [{ line: 11, column: 10, message: /^offices 'hq' and 's7' are 7 links apart/ }],
    },
  ],
});

describe("scn-max-hops at scale", () => {
  it("finds the diameter of a long chain in linear time", () => {
    const long = chain(3000);
    const { diagnostics } = checkText(network({ offices: [central, ...long.offices], links: long.links }), { rules: [rule] });
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "offices 'hq' and 's3000' are 3000 links apart (hq – s1 – s2 – … – s2999 – s3000); an SCN allows at most 5 hops between two offices, so add a link that shortens this path",
    ]);
  });

  it("bounds its work on a large mesh and still finds a far pair", () => {
    const long = chain(2000);
    const rungs = Array.from({ length: 1000 }, (_, index) => `link s${index + 1} -- s${index + 3} { group-id ${5000 + index} }`);
    const started = performance.now();
    const { diagnostics } = checkText(network({ offices: [central, ...long.offices], links: [...long.links, ...rungs] }), { rules: [rule] });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/^offices 'hq' and 's2000' are \d+ links apart/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
