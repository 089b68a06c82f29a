import rule from "../../src/rules/duplicate-address.js";
import { centralOffice, centralServer, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    { name: "a re-declared device is duplicate-name's to report", code: network({ offices: [centralOffice, centralOffice] }) },
  ],
  invalid: [
    {
      name: "an office and a server",
      code: network({ servers: ["server vm-hq { role central address 10.0.0.1 }"] }),
      errors: [{
        line: 4, column: 36, endColumn: 44,
        message: "office 'hq' has address 10.0.0.1, which server 'vm-hq' already has; give each device its own address",
        related: [{ line: 3, column: 39, message: "server 'vm-hq' has this address" }],
      }],
    },
    {
      name: "IPv6 written two ways",
      code: network({ servers: [centralServer, 'server vm-dr { role backup address "FD00::1" }', 'server vm-east { role distributed address "fd00:0:0::1" }'] }),
      errors: [{ line: 5, column: 45, message: "server 'vm-east' has address fd00::1, which server 'vm-dr' already has; give each device its own address" }],
    },
    {
      name: "an IPv4 address written as a string",
      code: network({ offices: [centralOffice, 'office branch { address "10.0.0.1" }'] }),
      errors: [{ line: 5, column: 27, message: /^office 'branch' has address 10.0.0.1, which office 'hq' already has/ }],
    },
  ],
});
