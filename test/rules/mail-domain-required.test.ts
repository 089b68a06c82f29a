import rule from "../../src/rules/mail-domain-required.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    { name: "a lone central server needs none", code: network() },
    { name: "every server has one", code: network({ servers: ['server vm-hq { role central mail-domain "vm-hq.example.com" }', 'server vm-dr { role backup mail-domain "vm-dr.example.com" }'] }) },
    { name: "an unreadable domain is another rule's business", code: network({ servers: ['server vm-hq { role central mail-domain "vmhq" }', 'server vm-dr { role backup mail-domain "vm-dr.example.com" }'] }) },
  ],
  invalid: [
    {
      code: network({ servers: ["server vm-hq { role central }", 'server vm-east { role distributed mail-domain "vm-east.acme.example" }', "server VM_West { role distributed }"] }),
      errors: [
        { line: 3, column: 10, endColumn: 15, message: "server 'vm-hq' has no mail-domain; with a backup or distributed server in the network, the servers exchange messages over SMTP, each addressed to its own domain (add `mail-domain \"vm-hq.acme.example\"` with the server's real name)" },
        { line: 5, column: 10, message: /add `mail-domain "vm-west.acme.example"`/ },
      ],
    },
  ],
});
