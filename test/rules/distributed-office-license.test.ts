import rule from "../../src/rules/distributed-office-license.js";
import { centralOffice, declaredAfterUse, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const servers = ["server vm-hq { role central }", "server vm-east { role distributed }"];


ruleTable(rule, {
  valid: [
    network({ servers, offices: [centralOffice, "office east { voicemail vm-east licenses { preferred-edition } }"] }),
    { name: "an unresolved server (unknown-reference reports it)", code: network({ servers, offices: [centralOffice, "office east { voicemail vm-est }"] }) },
    { name: "a central server named in voicemail (voicemail-must-be-distributed reports it)", code: network({ servers, offices: [centralOffice, "office east { voicemail vm-hq }"] }) },
    { name: "the central office (distributed-not-for-central-or-fallback reports it)", code: network({ servers, offices: [centralOffice.replace("role central", "role central voicemail vm-east")] }) },
  ],
  invalid: [
    {
      name: "a server declared after the office that uses it",
      code: declaredAfterUse,
      errors: [{ line: 4, column: 10, message: /^office 'east' uses distributed server 'vm-east' but holds no Preferred Edition licence/, related: [{ line: 4, column: 27 }] }],
    },
    {
      code: network({ servers, offices: [centralOffice, "office east { voicemail vm-east }", "office west { voicemail vm-east licenses { ums 2 } }"] }),
      errors: [
        {
          line: 6, column: 10,
          message: "office 'east' uses distributed server 'vm-east' but holds no Preferred Edition licence of its own; each office that uses a distributed server needs its own (add `preferred-edition` to its licenses)",
          fix: /Add `preferred-edition`/,
        },
        { line: 7, column: 10, message: /^office 'west' uses distributed server 'vm-east'/ },
      ],
    },
  ],
});
