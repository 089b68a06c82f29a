import rule from "../../src/rules/unneeded-license.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const servers = ["server vm-hq { role central }", "server vm-east { role distributed }"];

ruleTable(rule, {
  valid: [
    { name: "feature licences on a member office are needed", code: network({ offices: [centralOffice, "office b { uses ums licenses { ums 3 } }"] }) },
    { name: "an office on a distributed server", code: network({ servers, offices: [centralOffice, "office b { voicemail vm-east licenses { preferred-edition voicemail-ports 2 } }"] }) },
    { name: "a fallback office", code: network({ offices: [centralOffice, "office b { role fallback licenses { preferred-edition } }"] }) },
    { name: "an office whose server is unknown", code: network({ servers, offices: [centralOffice, "office b { voicemail vm-est licenses { preferred-edition } }"] }) },
  ],
  invalid: [
    {
      code: network({ offices: [centralOffice, "office b { licenses { preferred-edition voicemail-ports 2 } }"] }),
      errors: [
        { line: 5, column: 25, endColumn: 42, message: /^office 'b' is on centralized voicemail, so its Preferred Edition licence adds nothing/, fix: "Remove the unneeded licence" },
        { line: 5, column: 43, endColumn: 60, message: /its 2 additional voicemail ports add nothing:/ },
      ],
    },
    {
      name: "ports without the edition licence, one port",
      code: network({ offices: [centralOffice, "office b { licenses { voicemail-ports 1 } }"] }),
      errors: [{ line: 5, column: 25, message: /^office 'b' is on centralized voicemail, so its 1 additional voicemail port adds nothing:/ }],
    },
  ],
});
