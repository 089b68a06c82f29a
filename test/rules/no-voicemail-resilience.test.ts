import rule from "../../src/rules/no-voicemail-resilience.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    { name: "a backup server", code: network({ servers: ["server vm-hq { role central }", "server vm-dr { role backup }"] }) },
    { name: "a fallback office", code: network({ offices: [centralOffice, "office dr { role fallback }"] }) },
    { name: "no central office (central-office-count reports it)", code: network({ offices: ["office a { }"] }) },
    { name: "a server whose role is unknown", code: network({ servers: ["server vm-hq { role central }", "server vm-dr { }"] }) },
    { name: "a declaration that could not be read may be the fallback office", code: network({ offices: [centralOffice, "ofice dr { role fallback }"] }) },
  ],
  invalid: [
    {
      code: network(),
      errors: [{ line: 1, column: 9, message: "network 'Test' has neither a backup server nor a fallback office: if central office 'hq' or central server 'vm-hq' fails, every office loses voicemail; consider a fallback office linked directly to it (R5+) or a backup server (R6+)" }],
    },
    {
      name: "offices on a distributed server keep call answering from it",
      code: network({ servers: ["server vm-hq { role central }", "server vm-east { role distributed }"], offices: [centralOffice, "office east { voicemail vm-east }"] }),
      errors: [{ line: 1, column: 9, message: /fails, every office not on a distributed server loses voicemail;/ }],
    },
  ],
});
