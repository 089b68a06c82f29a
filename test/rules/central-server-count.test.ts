import rule from "../../src/rules/central-server-count.js";
import { centralServer, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    { name: "a role that cannot be read", code: network({ servers: ["server vm-hq { role centrl }"] }) },
    { name: "a server without a role (missing-role says so)", code: network({ servers: ["server vm-hq { }"] }) },
  ],
  invalid: [
    {
      name: "none",
      code: network({ servers: ["server vm-dr { role backup }"] }),
      errors: [{ line: 1, column: 9, endColumn: 15, message: "network 'Test' has no central Voicemail Pro server; declare one with `server NAME { role central … }`" }],
    },
    {
      name: "none at all",
      code: network({ servers: [] }),
      errors: [{ line: 1, column: 9 }],
    },
    {
      name: "two",
      code: network({ servers: [centralServer, "server vm-two { role central }"] }),
      errors: [{
        line: 4, column: 24, endColumn: 31,
        message: "server 'vm-two' is a second central server ('vm-hq' is already central); make it `backup` or `distributed`, or remove it",
        related: [{ line: 3, column: 23, message: "server 'vm-hq' is the central server" }],
      }],
    },
  ],
});
