import rule from "../../src/rules/distributed-not-for-central-or-fallback.js";
import { centralServer, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const servers = [centralServer, "server vm-east { role distributed address 10.2.0.10 }"];

ruleTable(rule, {
  valid: [
    network({ servers, offices: ["office hq { role central }", "office east { voicemail vm-east }"] }),
    { name: "an unknown server is unknown-reference's", code: network({ servers, offices: ["office hq { role central voicemail vm-north }"] }) },
  ],
  invalid: [
    {
      name: "the central office; the fix removes the line",
      code: network({ servers, offices: ["office hq { role central voicemail vm-east }"] }),
      errors: [{
        line: 5, column: 38, endColumn: 45,
        message: "central office 'hq' uses distributed server 'vm-east'; only member offices may use a distributed server",
        related: [{ line: 4, column: 10, message: "server 'vm-east' is distributed" }],
        fix: "Remove the voicemail line",
      }],
      output: network({ servers, offices: ["office hq { role central  }"] }),
    },
    {
      name: "the fallback office",
      code: network({ servers, offices: ["office hq { role central }", "office dr { role fallback voicemail vm-east }"] }),
      errors: [{ line: 6, column: 39, message: "fallback office 'dr' uses distributed server 'vm-east'; only member offices may use a distributed server" }],
    },
  ],
});
