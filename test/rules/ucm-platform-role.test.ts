import rule from "../../src/rules/ucm-platform-role.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const central = "office hq { role central licenses { preferred-edition } }";

ruleTable(rule, {
  valid: [
    { name: "a UCM as the central server", code: network({ release: "9.1", servers: ["server vm-hq { role central platform ucm }"] }) },
    { name: "a backup server on Linux", code: network({ release: "9.1", servers: ["server vm-hq { role central }", "server vm-dr { role backup platform linux }"] }) },
    {
      name: "a branch's UCM as that branch's own distributed server",
      code: network({ release: "9.1", servers: ["server vm-hq { role central }", "server vm-east { role distributed platform ucm }"], offices: [central, "office east { voicemail vm-east }"] }),
    },
  ],
  invalid: [
    {
      name: "a backup server on a UCM",
      code: network({ release: "9.1", servers: ["server vm-hq { role central }", "server vm-dr { role backup platform ucm }"] }),
      errors: [{ line: 4, column: 39, endColumn: 42, message: /^backup server 'vm-dr' runs on a UCM, a card that serves its own IP Office; a backup server takes over the whole network's voicemail/ }],
    },
    {
      name: "a distributed server on a UCM used by two offices",
      code: network({
        release: "9.1",
        servers: ["server vm-hq { role central }", "server vm-e { role distributed platform ucm }"],
        offices: [central, "office east { voicemail vm-e }", "office west { voicemail vm-e }"],
      }),
      errors: [{
        line: 4, column: 43, endColumn: 46,
        message: /^distributed server 'vm-e' runs on a UCM, a card that serves the one IP Office that holds it, yet 2 offices use it \('east', 'west'\)/,
        related: [{ line: 6, column: 27, message: "office 'east' uses it" }, { line: 7, column: 27, message: "office 'west' uses it" }],
      }],
    },
  ],
});
