import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { LineIndex } from "../../src/language/line-index.js";
import { centralOffice, network } from "../support/networks.js";

function findings(code: string, severities?: Record<string, "off" | "error" | "warning" | "info">): string[] {
  const lineIndex = new LineIndex(code);
  return checkText(code, severities ? { severities } : {}).diagnostics
    .filter((diagnostic) => diagnostic.severity !== "info")
    .map((diagnostic) => {
      const { line, column } = lineIndex.positionAt(diagnostic.span.start);
      return `${line}:${column} ${diagnostic.severity} ${diagnostic.ruleId}: ${diagnostic.message}`;
    });
}

const offices = [centralOffice, "office a { address 10.0.0.2 }", "office b { address 10.0.0.3 }"];

describe("suppression comments", () => {
  it("silence the named rules on the next line", () => {
    expect(findings(network({ offices, links: ["// scnc-disable-next-line group-id-default -- carrier wants 0", "link hq -- a { group-id 0 }", "link hq -- b { group-id 1 }"] }))).toEqual([]);
  });

  it("take several ids, skip blank and comment-only lines, and work as block comments", () => {
    const code = network({
      offices,
      links: ["/* scnc-disable-next-line group-id-default, duplicate-group-id */", "", "// another comment", "link hq -- a { group-id 0 }  link hq -- b { group-id 0 }"],
    });
    expect(findings(code)).toEqual([]);
  });

  it("silence only the next line", () => {
    const code = network({ offices, links: ["// scnc-disable-next-line group-id-default", "link hq -- a { group-id 1 }", "link hq -- b { group-id 0 }"] });
    expect(findings(code)).toEqual([
      "7:3 warning unused-suppression: this suppression of group-id-default suppresses nothing: line 8 has no such diagnostic; remove it",
      "9:27 warning group-id-default: link hq -- b uses group id 0, Manager's default, which Avaya says not to use on SCN lines; use a value from 1 to 89999",
    ]);
  });

  it("report each unused id of a list when others are used", () => {
    const code = network({ offices, links: ["// scnc-disable-next-line self-link, group-id-default -- reason", "link hq -- a { group-id 0 }", "link hq -- b { group-id 2 }"] });
    const [first] = checkText(code).diagnostics.filter((diagnostic) => diagnostic.ruleId === "unused-suppression");
    expect(findings(code)).toEqual(["7:29 warning unused-suppression: the suppression of self-link suppresses nothing: line 8 has no self-link diagnostic; remove it from the list"]);
    expect(first?.fix?.message).toBe("Remove self-link from the suppression");
  });

  it("are not called unused when the rule is turned off", () => {
    const code = network({ offices, links: ["// scnc-disable-next-line group-id-default", "link hq -- a { group-id 1 }", "link hq -- b { group-id 2 }"] });
    expect(findings(code, { "group-id-default": "off" })).toEqual([]);
  });

  it("report a suppression with nothing after it", () => {
    const code = 'network "N" {\n  release 6.0\n  server vm-hq { role central address 10.0.0.10 }\n  office hq { role central address 10.0.0.1 licenses { preferred-edition } }\n}\n// scnc-disable-next-line self-link\n';
    expect(findings(code)).toEqual(["6:1 warning unused-suppression: this suppression of self-link has no line after it to apply to; remove it"]);
  });

  it("can be turned off and have their severity changed", () => {
    const code = network({ offices, links: ["// scnc-disable-next-line self-link, group-id-defualt", "link hq -- a { group-id 1 }", "link hq -- b { group-id 2 }"] });
    expect(findings(code, { "unused-suppression": "off", "unknown-suppression": "error" })).toEqual([
      "7:40 error unknown-suppression: 'group-id-defualt' is not a rule id, so this suppresses nothing; did you mean 'group-id-default'?",
    ]);
  });
});
