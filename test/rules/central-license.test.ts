import rule from "../../src/rules/central-license.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    { name: "a second central office is central-office-count's to report", code: network({ offices: ["office hq { role central licenses { preferred-edition } }", "office annex { role central }"] }) },
    network(),
    { name: "voicemail-pro is the same licence", code: network({ release: "5.0", offices: ["office hq { role central licenses { voicemail-pro } }"] }) },
    { name: "an unreadable licence block says nothing", code: network({ offices: ["office hq { role central licenses { voicemail-ports 999 } }"] }) },
    { name: "member offices need none", code: network({ offices: ["office hq { role central licenses { preferred-edition } }", "office b { }"] }) },
  ],
  invalid: [
    {
      code: network({ offices: ["office hq { role central address 10.0.0.1 }"] }),
      errors: [{
        line: 4, column: 10, endColumn: 12,
        message: "central office 'hq' holds no Preferred Edition licence; the office that hosts the central Voicemail Pro server licenses it (add `preferred-edition` to its licenses)",
        fix: "Add `preferred-edition` to the licenses of office 'hq'",
      }],
    },
    {
      name: "below 6.0 the licence is Voicemail Pro",
      code: network({ release: "5.0", offices: ["office hq { role central licenses { voicemail-ports 2 } }"] }),
      errors: [{ line: 4, column: 10, message: /holds no Voicemail Pro licence.*add `voicemail-pro`/, fix: /voicemail-pro/ }],
    },
  ],
});
