import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { LineIndex } from "../../src/language/line-index.js";

// One root cause gives one diagnostic (RULES.md): a mistake is reported by the rule that owns it,
// and every other rule that needed the broken value stays silent. These run EVERY registered
// rule, so a rule added later that piles on is caught here.

/** Clean under every rule in RULES.md: backup server, fallback office, a distributed server. */
const base = `network "Base" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq   { role central     address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr   { role backup      address 10.1.0.10 mail-domain "vm-dr.example.com" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq     { role central  address 10.0.0.1 users 100 uses ums licenses { preferred-edition voicemail-ports 4 ums 10 } }
  office dr     { role fallback address 10.1.0.1 users 50 uses ums licenses { preferred-edition voicemail-ports 4 ums 10 } }
  office east   { address 10.2.0.1 users 40 voicemail vm-east licenses { preferred-edition } }
  office branch { address 10.3.0.1 users 20 }
  link hq -- dr       { group-id 100 }
  link hq -- east     { group-id 101 }
  link east -- branch { group-id 102 }
}
`;

function findings(text: string): string[] {
  const lines = new LineIndex(text);
  return checkText(text).diagnostics
    .filter((diagnostic) => diagnostic.severity !== "info")
    .map((diagnostic) => `${lines.positionAt(diagnostic.span.start).line} ${diagnostic.ruleId}`);
}

function broken(find: string, replace: string): string {
  expect(base).toContain(find);
  return base.replace(find, replace);
}

describe("one root cause, one diagnostic", () => {
  it("the base network is clean", () => {
    expect(findings(base)).toEqual([]);
  });

  const cases: [string, string, string, string[]][] = [
    ["an unknown voicemail server", "voicemail vm-east", "voicemail vm-est", ["9 unknown-reference"]],
    ["an unknown link end", "link east -- branch", "link east -- brnch", ["13 unknown-reference"]],
    ["a link to the central office's misspelt name", "link hq -- dr ", "link hg -- dr ", ["11 unknown-reference"]],
    ["a voicemail line naming an office", "voicemail vm-east", "voicemail branch", ["9 unknown-reference"]],
    ["a syntax error inside the central office's role", "role central  address 10.0.0.1", "role centrl  address 10.0.0.1", ["7 syntax-error"]],
    ["a syntax error inside the central server's role", "role central     address", "role centrl     address", ["4 syntax-error"]],
    ["a syntax error inside the backup server's role", "role backup ", "role backpu ", ["5 syntax-error"]],
    ["a misspelt role keyword", "{ role fallback", "{ rol fallback", ["8 syntax-error"]],
    ["a misspelt office keyword", "office hq ", "offce hq ", ["7 syntax-error"]],
    ["a misspelt licences block", "licenses { preferred-edition } }", "licences { preferred-edition } }", ["9 syntax-error"]],
    ["a release that is not a release", "release 6.0", "release 6", ["2 syntax-error"]],
    ["an invalid release", "release 6.0", "release 6.100", ["2 invalid-value"]],
    ["an invalid address", "address 10.2.0.1 ", "address 10.2.0.300 ", ["9 invalid-value"]],
    ["an invalid mail domain", '"vm-dr.example.com"', '"vm-dr"', ["5 invalid-value"]],
    ["an invalid number of users", "users 40", "users 4000000", ["9 invalid-value"]],
    ["an invalid number of ports", "voicemail-ports 4 ums 10 } }\n  office dr", "voicemail-ports 4000 ums 10 } }\n  office dr", ["7 invalid-value"]],
    ["a group id that is not a number", "group-id 102", "group-id x102", ["13 syntax-error"]],
    ["an unterminated string", '"vm-east.example.com" }', '"vm-east.example.com }', ["6 syntax-error"]],
    ["a second central office", "office branch { address", "office branch { role central address", ["10 central-office-count"]],
    ["a second fallback office", "office branch { address", "office branch { role fallback address", ["10 fallback-office-count"]],
    ["an office declared twice", "  link hq -- dr", "  office branch { address 10.3.0.1 users 20 }\n  link hq -- dr", ["11 duplicate-name"]],
    ["a missing '}'", "licenses { preferred-edition } }\n  office branch", "licenses { preferred-edition }\n  office branch", ["10 syntax-error"]],
    ["an unclosed comment", "  link east -- branch { group-id 102 }", "  /* link east -- branch { group-id 102 }", ["13 syntax-error"]],
  ];
  for (const [name, find, replace, expected] of cases) {
    it(name, () => {
      expect(findings(broken(find, replace))).toEqual(expected);
    });
  }
});
