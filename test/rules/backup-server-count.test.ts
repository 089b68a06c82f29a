import rule from "../../src/rules/backup-server-count.js";
import { centralServer, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    network({ servers: [centralServer, "server vm-dr { role backup }"] }),
  ],
  invalid: [
    {
      code: network({ servers: [centralServer, "server vm-dr { role backup }", "server vm-dr2 { role backup }"] }),
      errors: [{
        line: 5, column: 24, endColumn: 30,
        message: "server 'vm-dr2' is a second backup server ('vm-dr' already is); the central office holds one Backup Voicemail IP Address, so remove this one or make it `distributed`",
        related: [{ line: 4, column: 23, message: "server 'vm-dr' is the backup server" }],
      }],
    },
  ],
});
