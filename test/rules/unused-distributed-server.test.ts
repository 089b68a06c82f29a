import rule from "../../src/rules/unused-distributed-server.js";
import { centralOffice, centralServer, declaredAfterUse, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const servers = [centralServer, "server vm-east { role distributed }"];


ruleTable(rule, {
  valid: [
    { name: "a server declared after the office that uses it", code: declaredAfterUse },
    network({ servers, offices: [centralOffice, "office east { voicemail vm-east }"] }),
    { name: "a misspelt voicemail line probably means it (unknown-reference says so)", code: network({ servers, offices: [centralOffice, "office east { voicemail vm-eats }"] }) },
    { name: "an office whose voicemail line cannot be read", code: network({ servers, offices: [centralOffice, "office east { voicemail 5 }"] }) },
  ],
  invalid: [
    {
      code: network({ servers, offices: [centralOffice, "office east { }"] }),
      errors: [{
        line: 4, column: 10, endColumn: 17, severity: "warning",
        message: "distributed server 'vm-east' is used by no office; add `voicemail vm-east` to the offices that should use it, or remove the server",
      }],
    },
    {
      name: "only the first of two declarations counts",
      code: network({ servers: [...servers, "server vm-east { role distributed }"], offices: [centralOffice] }),
      errors: [{ line: 4, column: 10, severity: "warning" }],
    },
  ],
});
