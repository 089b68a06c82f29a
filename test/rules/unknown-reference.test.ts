import rule from "../../src/rules/unknown-reference.js";
import { centralOffice, centralServer, declaredAfterUse, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const eastServer = "server vm-east { role distributed address 10.2.0.10 }";


ruleTable(rule, {
  valid: [
    { name: "references to devices declared later in the file", code: declaredAfterUse },
    network({ servers: [centralServer, eastServer], offices: [centralOffice, "office east { voicemail vm-east }"], links: ["link hq -- east"] }),
    network({ offices: [centralOffice, "office branch { }"], links: ["link branch -- hq { group-id 5 }"] }),
    { name: "a name declared in text that could not be read (syntax-error says so)", code: network({ offices: [centralOffice, "offce branch { }"], links: ["link hq -- branch"] }) },
  ],
  invalid: [
    {
      name: "a voicemail server typo suggests the closest name and fixes it",
      code: network({ servers: [centralServer, eastServer], offices: [centralOffice, "office east { voicemail vm-est }"] }),
      errors: [{
        line: 6, column: 27, endColumn: 33,
        message: "office 'east' uses server 'vm-est', which is not declared; did you mean 'vm-east'?",
        related: [{ line: 4, column: 10, message: "server 'vm-east' is declared here" }],
        fix: "Replace with 'vm-east'",
      }],
      output: network({ servers: [centralServer, eastServer], offices: [centralOffice, "office east { voicemail vm-east }"] }),
    },
    {
      name: "a link end typo",
      code: network({ offices: [centralOffice, "office branch { }"], links: ["link hq -- brnch { group-id 5 }"] }),
      errors: [{
        line: 6, column: 14, endColumn: 19,
        message: "link hq -- brnch names office 'brnch', which is not declared; did you mean 'branch'?",
        fix: "Replace with 'branch'",
      }],
      output: network({ offices: [centralOffice, "office branch { }"], links: ["link hq -- branch { group-id 5 }"] }),
    },
    {
      name: "no suggestion when nothing is close",
      code: network({ offices: [centralOffice], links: ["link hq -- warehouse"] }),
      errors: [{ line: 5, column: 14, message: "link hq -- warehouse names office 'warehouse', which is not declared" }],
    },
    {
      name: "a link to a server",
      code: network({ links: ["link hq -- vm-hq"] }),
      errors: [{
        line: 5, column: 14, endColumn: 19,
        message: "link hq -- vm-hq joins 'vm-hq', which is a server; links join offices",
        related: [{ line: 3, column: 10 }],
      }],
    },
    {
      name: "voicemail naming an office",
      code: network({ offices: [centralOffice, "office east { voicemail hq }"] }),
      errors: [{
        line: 5, column: 27, endColumn: 29,
        message: "office 'east' names 'hq' as its voicemail server, but 'hq' is an office; `voicemail` names a distributed server",
        related: [{ line: 4, column: 10 }],
      }],
    },
    {
      name: "both ends of a link",
      code: network({ offices: [centralOffice], links: ["link north -- south"] }),
      errors: [{ line: 5, column: 8, message: /'north', which is not declared$/ }, { line: 5, column: 17, message: /'south', which is not declared$/ }],
    },
  ],
});
