import rule from "../../src/rules/unneeded-accept-failure.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const servers = ['server vm-hq { role central mail-domain "a.example" }', 'server vm-dr { role backup mail-domain "b.example" }'];
const offices = ["office hq { role central licenses { preferred-edition } }", "office dr { role fallback licenses { preferred-edition } }", "office branch { }"];
const links = ["link hq -- dr { group-id 1 }", "link hq -- branch { group-id 2 }", "link dr -- branch { group-id 3 }"];
const properties = ['voicemail-password env "VM"'];
const withAccept = (...accepts: string[]): string => network({ properties, servers, offices, links: [...links, ...accepts] });

ruleTable(rule, {
  valid: [
    { name: "a split is something to accept", code: withAccept('accept-failure hq--dr "accepted"') },
    { name: "both servers down together", code: withAccept('accept-failure vm-hq, vm-dr "accepted"') },
    { name: "a single-line office losing its line", code: network({ links: ["link hq -- branch { group-id 2 }", 'accept-failure hq--branch "accepted"'], offices: ["office hq { role central licenses { preferred-edition } }", "office branch { }"] }) },
    { name: "an unknown name is unknown-reference's", code: withAccept('accept-failure vm-x "accepted"') },
    { name: "no central server: nothing to simulate", code: network({ servers: ["server vm-dr { role backup }"], links: ['accept-failure vm-dr "accepted"'] }) },
  ],
  invalid: [
    {
      name: "the backup server alone harms nobody",
      code: withAccept('accept-failure vm-dr "accepted"'),
      errors: [{ line: 12, column: 18, endColumn: 23, message: "nothing to accept: when vm-dr fails, every office that is up keeps voicemail answering, message waiting and collection; remove this accept-failure", fix: "Remove the accept-failure" }],
    },
    {
      name: "the central office: the fallback office takes over for everyone",
      code: withAccept('accept-failure hq "accepted"'),
      errors: [{ line: 12, column: 18, endColumn: 20, message: /^nothing to accept: when hq fails, every office that is up keeps/ }],
    },
    {
      name: "several devices together, with a link that has another path",
      code: withAccept('accept-failure vm-dr, hq--branch "accepted"'),
      errors: [{ line: 12, column: 18, endColumn: 35, message: /^nothing to accept: when vm-dr, hq--branch fail together, / }],
    },
  ],
});
