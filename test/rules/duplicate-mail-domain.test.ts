import rule from "../../src/rules/duplicate-mail-domain.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [network({ servers: ['server vm-hq { role central mail-domain "vm-hq.example.com" }', 'server vm-dr { role backup mail-domain "vm-dr.example.com" }'] })],
  invalid: [
    {
      name: "domains compare without case",
      code: network({ servers: ['server vm-hq { role central mail-domain "vm.example.com" }', 'server vm-dr { role backup mail-domain "VM.Example.com" }'] }),
      errors: [{ line: 4, column: 42, endColumn: 58, message: "server 'vm-dr' has mail domain vm.example.com, which server 'vm-hq' already has; each server accepts only mail for its own domain, so give each its own (normally its fully qualified name)" }],
    },
  ],
});
