import rule from "../../src/rules/missing-role.js";
import { centralServer, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    { name: "a role that cannot be read (syntax-error says so)", code: network({ servers: [centralServer, "server vm-dr { role standby }"] }) },
    { name: "offices default to member", code: network({ offices: ["office hq { role central }", "office branch { }"] }) },
  ],
  invalid: [
    {
      code: network({ servers: [centralServer, "server vm-dr { address 10.1.0.10 }"] }),
      errors: [{ line: 4, column: 10, endColumn: 15, message: "server 'vm-dr' has no role; add `role central`, `role backup` or `role distributed`" }],
    },
  ],
});
