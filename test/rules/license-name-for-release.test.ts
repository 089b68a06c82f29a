import rule from "../../src/rules/license-name-for-release.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    { name: "voicemail-pro below 6.0", code: network({ release: "5.0", offices: ["office hq { role central licenses { voicemail-pro } }"] }) },
    { name: "an unknown release", code: network({ release: null, offices: ["office hq { role central licenses { voicemail-pro } }"] }) },
  ],
  invalid: [
    {
      code: network({ offices: ["office hq { role central licenses { voicemail-pro } }"] }),
      errors: [{ line: 4, column: 39, endColumn: 52, message: /^office 'hq' is at release 6.0, where the licence is called `preferred-edition`, not `voicemail-pro`/, fix: "Replace with `preferred-edition`" }],
    },
    {
      code: network({ release: "5.0", offices: ["office hq { role central licenses { voicemail-pro } }", "office b { release 4.2 licenses { preferred-edition } }"] }),
      errors: [{ line: 5, column: 37, message: /release 4.2, where the licence is called `voicemail-pro`/ }],
    },
  ],
});
