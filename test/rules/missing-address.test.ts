import rule from "../../src/rules/missing-address.js";
import { ruleTable } from "../support/rule-table.js";
import { network } from "../support/networks.js";

ruleTable(rule, {
  valid: [
    network(),
    { name: "an IPv6 address as a string", code: network({ servers: ['server vm-hq { role central address "fd00::10" }'] }) },
    { name: "an address that is invalid is reported by invalid-value, not here", code: network({ servers: ["server vm-hq { role central address 10.0.0.300 }"] }) },
    {
      name: "a re-declared name is duplicate-name's, not this rule's",
      code: network({ offices: ["office hq { role central address 10.0.0.1 licenses { preferred-edition } }", "office hq { }"] }),
    },
  ],
  invalid: [
    {
      name: "a member office",
      code: network({ offices: ["office hq { role central address 10.0.0.1 licenses { preferred-edition } }", "office branch { users 20 }"] }),
      errors: [{ line: 5, column: 10, endColumn: 16, message: "office 'branch' has no address; build leaves the peer address of every SCN line to it empty (add `address A.B.C.D`)" }],
    },
    {
      name: "each server says where its address is needed",
      code: network({
        servers: ["server vm-hq { role central }", "server vm-dr { role backup }", "server vm-east { role distributed }", "server vm-x { }"],
      }),
      errors: [
        { line: 3, column: 10, message: /server 'vm-hq' has no address; build leaves the Voicemail IP Address of the central and fallback offices empty/ },
        { line: 4, column: 10, message: /server 'vm-dr' .* the Backup Voicemail IP Address of the central and fallback offices empty/ },
        { line: 5, column: 10, message: /server 'vm-east' .* the Voicemail IP Address of the offices that use it empty/ },
        { line: 6, column: 10, message: /server 'vm-x' .* the configuration of the offices that use it empty/ },
      ],
    },
  ],
});
