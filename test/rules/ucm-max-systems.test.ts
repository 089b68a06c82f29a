import rule from "../../src/rules/ucm-max-systems.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const ucm = "server vm-hq { role central platform ucm }";
const offices = (count: number) => ["office hq { role central licenses { preferred-edition } }", ...Array.from({ length: count - 1 }, (_, index) => `office o${index + 1} { }`)];

ruleTable(rule, {
  valid: [
    { name: "6 offices on a UCM", code: network({ servers: [ucm], offices: offices(6) }) },
    { name: "7 offices on linux", code: network({ servers: ["server vm-hq { role central platform linux }"], offices: offices(7) }) },
    { name: "a UCM backup server is another rule's business", code: network({ servers: ["server vm-hq { role central }", "server vm-dr { role backup platform ucm }"], offices: offices(7) }) },
  ],
  invalid: [
    {
      code: network({ servers: [ucm], offices: offices(7) }),
      errors: [{ line: 3, column: 40, endColumn: 43, message: "central server 'vm-hq' runs on a UCM, which supports an SCN of at most 6 systems, but network 'Test' has 7 offices; move the central server to another platform, or reduce the network to 6 offices" }],
    },
  ],
});
