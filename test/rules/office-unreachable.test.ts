import rule from "../../src/rules/office-unreachable.js";
import { centralOffice, declaredAfterUse, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";


ruleTable(rule, {
  valid: [
    { name: "a link declared before its offices", code: declaredAfterUse },
    { name: "every office linked", code: network({ offices: [centralOffice, "office a { }", "office b { }"], links: ["link hq -- a { group-id 1 }", "link a -- b { group-id 2 }"] }) },
    { name: "an office at the end of a link to an unknown name", code: network({ offices: [centralOffice, "office a { }"], links: ["link a -- hqq { group-id 1 }"] }) },
    { name: "the central office links to an unknown name (it may be the path)", code: network({ offices: [centralOffice, "office a { }"], links: ["link hq -- aa { group-id 1 }"] }) },
    { name: "a link declaration missing an end", code: network({ offices: [centralOffice, "office a { }"], links: ["link a -- }"] }) },
    { name: "no central office", code: network({ offices: ["office a { }"] }) },
    { name: "a re-declared office name", code: network({ offices: [centralOffice, "office a { }", "office a { }"], links: ["link hq -- a { group-id 1 }"] }) },
  ],
  invalid: [
    {
      name: "an isolated office, and a group cut off together",
      code: network({ offices: [centralOffice, "office a { }", "office b { }", "office c { }", "office d { }", "office e { }"], links: ["link b -- c { group-id 1 }", "link c -- d { group-id 2 }", "link d -- e { group-id 3 }"] }),
      errors: [
        { line: 5, column: 10, endColumn: 11, message: "office 'a' has no path of links to central office 'hq', so it has no centralized voicemail; add a link toward 'hq', such as `link hq -- a { group-id 4 }`", fix: "Add `link hq -- a { group-id 4 }`" },
        { line: 6, column: 10, message: "offices 'b', 'c', 'd' and 1 other are linked among themselves but have no path of links to central office 'hq', so they have no centralized voicemail; link one of them toward 'hq'" },
      ],
    },
    {
      name: "an office on a distributed server: what it loses, and a fix that adds the link",
      code: 'network "Test" {\n  release 6.0\n  server vm-hq { role central }\n  server vm-d { role distributed }\n  office hq { role central licenses { preferred-edition } }\n  office a { voicemail vm-d licenses { preferred-edition } }\n  office b { }\n  link hq -- b { group-id 7 }\n}\n',
      errors: [
        { line: 6, column: 10, message: "office 'a' has no path of links to central office 'hq', so the central server cannot do its message waiting and collection; add a link toward 'hq', such as `link hq -- a { group-id 8 }`", fix: "Add `link hq -- a { group-id 8 }`" },
      ],
      output: 'network "Test" {\n  release 6.0\n  server vm-hq { role central }\n  server vm-d { role distributed }\n  office hq { role central licenses { preferred-edition } }\n  office a { voicemail vm-d licenses { preferred-edition } }\n  office b { }\n  link hq -- b { group-id 7 }\n  link hq -- a { group-id 8 }\n}\n',
    },
  ],
});
