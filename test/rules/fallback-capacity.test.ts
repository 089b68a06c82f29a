import rule from "../../src/rules/fallback-capacity.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const central = "office hq { role central licenses { preferred-edition voicemail-ports 8 } }";

ruleTable(rule, {
  valid: [
    { name: "a second fallback office is fallback-office-count's to report", code: network({ offices: [central, "office dr { role fallback licenses { preferred-edition voicemail-ports 8 } }", "office dr2 { role fallback licenses { preferred-edition } }"] }) },
    { name: "equal ports", code: network({ offices: [central, "office dr { role fallback licenses { preferred-edition voicemail-ports 8 } }"] }) },
    { name: "more ports", code: network({ offices: [central, "office dr { role fallback licenses { preferred-edition voicemail-ports 20 } }"] }) },
    { name: "no edition licence (fallback-license reports it)", code: network({ offices: [central, "office dr { role fallback licenses { voicemail-ports 2 } }"] }) },
    { name: "a central office without edition (central-license reports it)", code: network({ offices: ["office hq { role central licenses { voicemail-ports 8 } }", "office dr { role fallback licenses { preferred-edition } }"] }) },
    { name: "no fallback office", code: network({ offices: [central] }) },
  ],
  invalid: [
    {
      code: network({ offices: [central, "office dr { role fallback licenses { preferred-edition voicemail-ports 2 } }"] }),
      errors: [{
        line: 5, column: 10,
        message: "fallback office 'dr' has 6 voicemail ports (4 + 2 additional), fewer than the 12 of central office 'hq'; while it controls the central server, voicemail shrinks to 6 simultaneous calls (set `voicemail-ports 8` in its licenses)",
        fix: "Set `voicemail-ports 8`",
      }],
    },
    {
      name: "no additional ports yet",
      code: network({ offices: [central, "office dr { role fallback licenses { preferred-edition } }"] }),
      errors: [{ line: 5, column: 10, message: /has 4 voicemail ports \(4 \+ 0 additional\)/, fix: "Add `voicemail-ports 8` to the licenses of office 'dr'" }],
    },
  ],
});
