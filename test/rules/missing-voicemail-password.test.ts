import rule from "../../src/rules/missing-voicemail-password.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const servers = ["server vm-hq { role central }", "server vm-dr { role backup }"];

ruleTable(rule, {
  valid: [
    { name: "a lone central server", code: network() },
    network({ properties: ['voicemail-password env "VM"'], servers }),
    { name: "a literal is another rule's business", code: network({ properties: ['voicemail-password "x"'], servers }) },
    { name: "an unreadable password", code: network({ properties: ["voicemail-password env"], servers }) },
    { name: "a network line that could not be read", code: network({ properties: ['voicemail-pasword env "VM"'], servers }) },
  ],
  invalid: [
    {
      code: network({ servers }),
      errors: [{ line: 1, column: 9, endColumn: 15, message: "network 'Test' has a backup or distributed server but no voicemail-password, which every server and the offices that connect to them must share; add `voicemail-password env \"TEST_VM_PASSWORD\"`" }],
    },
  ],
});
