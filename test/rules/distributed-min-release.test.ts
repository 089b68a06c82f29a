import rule from "../../src/rules/distributed-min-release.js";
import { declaredAfterUse, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const servers = ["server vm-hq { role central }", "server vm-east { role distributed }"];
const central = "office hq { role central licenses { preferred-edition } }";


ruleTable(rule, {
  valid: [
    { name: "all at 6.0", code: network({ servers, offices: [central, "office east { voicemail vm-east }"] }) },
    { name: "a plain member below 6.0", code: network({ servers, offices: [central, "office old { release 5.0 }", "office east { voicemail vm-east }"] }) },
    { name: "an unresolved server is not judged", code: network({ release: "5.0", servers, offices: [central, "office east { voicemail vm-est }"] }) },
  ],
  invalid: [
    {
      name: "a second distributed server below 6.0 points at the office that uses it",
      code: network({
        servers: ["server vm-hq { role central }", "server vm-east { role distributed }", "server vm-west { role distributed version 5.0 }"],
        offices: [central, "office east { voicemail vm-east }", "office west { voicemail vm-west }"],
      }),
      errors: [{
        line: 5, column: 45, message: /^distributed server 'vm-west' is at 5.0/,
        related: [{ line: 8, column: 27, message: "office 'west' uses distributed server 'vm-west'" }],
      }],
    },
    {
      name: "a server declared after the office that uses it",
      code: declaredAfterUse.replace("role distributed", "role distributed version 5.0"),
      errors: [{ line: 6, column: 45, message: /^distributed server 'vm-east' is at 5.0/ }],
    },
    {
      name: "the office that uses the server",
      code: network({ servers, offices: [central, "office east { release 5.0 voicemail vm-east }"] }),
      errors: [{ line: 6, column: 25, message: /^office 'east' \(which uses distributed server 'vm-east'\) is at 5.0, below the 6.0 that distributed voicemail needs/ }],
    },
    {
      name: "the distributed server and the central office, each at its own line",
      code: network({
        servers: ["server vm-hq { role central }", "server vm-east { role distributed version 5.0 }"],
        offices: ["office hq { role central release 5.0 }", "office east { voicemail vm-east }", "office west { voicemail vm-east }"],
      }),
      errors: [
        { line: 4, column: 45, message: /^distributed server 'vm-east' is at 5.0/ },
        { line: 5, column: 36, message: /^central office 'hq' is at 5.0/ },
      ],
    },
    {
      name: "many devices on the network release share one diagnostic",
      code: network({ release: "5.0", servers, offices: ["office hq { role central }", "office a { voicemail vm-east }", "office b { voicemail vm-east }", "office c { voicemail vm-east }"] }),
      errors: [{ line: 2, column: 11, message: /^central office 'hq', central server 'vm-hq', office 'a' \(which uses distributed server 'vm-east'\) and 3 other devices are at 5.0/ }],
    },
    {
      name: "the central server's own version (it stores what the distributed server forwards)",
      code: network({ servers: ["server vm-hq { role central version 5.0 }", "server vm-east { role distributed }"], offices: [central, "office east { voicemail vm-east }"] }),
      errors: [{ line: 3, column: 39, endColumn: 42, message: /^central server 'vm-hq' is at 5.0, below the 6.0 that distributed voicemail needs/ }],
    },
  ],
});
