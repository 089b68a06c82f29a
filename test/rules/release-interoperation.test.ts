import rule from "../../src/rules/release-interoperation.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const central = "office hq { role central licenses { preferred-edition } }";

ruleTable(rule, {
  valid: [
    { name: "every office on the network's release", code: network({ release: "8.1", offices: [central, "office a { }", "office b { }"] }) },
    { name: "one major release apart, for a phased upgrade (8.1 with 7.0)", code: network({ release: "8.1", offices: [central, "office branch { release 7.0 }"] }) },
    { name: "9.1 with 9.0 and 8.0", code: network({ release: "9.1", offices: [central, "office a { release 9.0 }", "office b { release 8.0 }"] }) },
    { name: "servers' versions are not compared here", code: network({ release: "11.1", servers: ["server vm-hq { role central version 9.0 }"], offices: [central] }) },
    { name: "an office without a release is missing-release's", code: network({ release: null, offices: ["office hq { role central release 8.0 }", "office b { }"] }) },
  ],
  invalid: [
    {
      name: "6.0 with 8.1: at the lowest office's release, naming the highest",
      code: network({ release: "8.1", offices: [central, "office branch { release 6.0 }"] }),
      errors: [{
        line: 5, column: 27, endColumn: 30,
        message: "office 'branch' is at 6.0 and office 'hq' at 8.1, more than one major release apart: an SCN is supported only between " +
          "the same major release or one major release of difference, and the whole network gets the features and capacity of its " +
          "lowest release (6.0); upgrade 'branch' to 7.0 or later",
        related: [{ line: 2, column: 11, message: "office 'hq' is at 8.1, the highest release in the network" }],
      }],
    },
    {
      name: "6.1 with 8.0, both written on the offices; one diagnostic for the network",
      code: network({ release: null, offices: ["office hq { role central release 8.0 }", "office a { release 6.1 }", "office b { release 6.1 }"] }),
      errors: [{ line: 4, column: 22, message: /^office 'a' is at 6\.1 and office 'hq' at 8\.0, more than one major release apart/ }],
    },
    {
      name: "the lowest office on the network's release",
      code: network({ release: "5.0", offices: ["office hq { role central release 7.0 }", "office a { }"] }),
      errors: [{ line: 2, column: 11, message: /^office 'a' is at 5\.0 \(the network's release\) and office 'hq' at 7\.0/ }],
    },
  ],
});
