import rule from "../../src/rules/scn-mesh-before-r5.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const offices = ["office hq { role central licenses { voicemail-pro } }", "office a { }", "office b { }", "office c { }"];
const star = ["link hq -- a { group-id 1 }", "link hq -- b { group-id 2 }", "link hq -- c { group-id 3 }"];

ruleTable(rule, {
  valid: [
    { name: "a star below 5.0", code: network({ release: "4.2", offices, links: star }) },
    { name: "a chain below 5.0", code: network({ release: "4.2", offices, links: ["link hq -- a { group-id 1 }", "link a -- b { group-id 2 }", "link b -- c { group-id 3 }"] }) },
    { name: "a mesh at 5.0", code: network({ release: "5.0", offices, links: [...star, "link a -- b { group-id 4 }"] }) },
    { name: "a mesh while the known releases are 5.0 and the others unknown", code: network({ release: null, offices: [...offices.slice(0, 3), "office c { release 5.0 }"], links: [...star, "link a -- b { group-id 4 }"] }) },
    { name: "a repeated link is not a loop", code: network({ release: "4.2", offices, links: [...star, "link a -- hq { group-id 4 }"] }) },
  ],
  invalid: [
    {
      code: network({ release: "4.2", offices, links: [...star, "link a -- b { group-id 4 }", "link c -- b { group-id 5 }"] }),
      errors: [
        { line: 11, column: 8, endColumn: 14, message: "link a -- b closes a loop: 'a' and 'b' are already joined through other links; below release 5.0 (office 'hq' is at 4.2) an SCN must be a star or a chain, so remove this link or upgrade every office to 5.0" },
        { line: 12, column: 8, message: /^link c -- b closes a loop/ },
      ],
    },
    {
      name: "one office below 5.0 sets the limit",
      code: network({ release: "6.0", offices: [...offices.slice(0, 3), "office c { release 4.2 }"], links: [...star, "link a -- b { group-id 4 }"] }),
      errors: [{ line: 11, column: 8, message: /office 'c' is at 4.2/ }],
    },
    {
      name: "one office known below 5.0 while the others' releases are unknown",
      code: network({ release: null, offices: [...offices.slice(0, 3), "office c { release 4.2 }"], links: [...star, "link a -- b { group-id 4 }"] }),
      errors: [{ line: 10, column: 8, message: /office 'c' is at 4.2/ }],
    },
  ],
});
