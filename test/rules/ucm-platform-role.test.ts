import rule from "../../src/rules/ucm-platform-role.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network({ servers: ["server vm-hq { role central platform ucm }"] }),
    network({ servers: ["server vm-hq { role central }", "server vm-dr { role backup platform linux }"] }),
  ],
  invalid: [
    {
      code: network({ servers: ["server vm-hq { role central }", "server vm-dr { role backup platform ucm }", "server vm-e { role distributed platform ucm }"] }),
      errors: [
        { line: 4, column: 39, endColumn: 42, message: "backup server 'vm-dr' runs on a UCM, which hosts only its own office's central server (inferred); run it on `windows`, `linux` or `application-server`" },
        { line: 5, column: 43, message: /^distributed server 'vm-e' runs on a UCM/ },
      ],
    },
  ],
});
