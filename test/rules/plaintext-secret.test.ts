import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { checkedFile } from "../../src/diagnostics/checked-file.js";
import { renderText } from "../../src/diagnostics/text.js";
import rule from "../../src/rules/plaintext-secret.js";
import { passwordVariable } from "../../src/rules/servers.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const SECRET = "hunter2-do-not-print";

ruleTable(rule, {
  valid: [network({ properties: ['voicemail-password env "VM"'] }), network()],
  invalid: [
    {
      code: network({ properties: [`voicemail-password "${SECRET}"`] }),
      errors: [{
        line: 3, column: 3, endColumn: 21,
        message: "the voicemail password of network 'Test' is written in the file; read it from the environment instead: `voicemail-password env \"TEST_VM_PASSWORD\"`",
        fix: "Read it from environment variable TEST_VM_PASSWORD",
      }],
    },
  ],
});

describe("plaintext-secret", () => {
  it("never puts the secret into the diagnostic", () => {
    const { diagnostics } = checkText(network({ properties: [`voicemail-password "${SECRET}"`] }));
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
  });

  it("its code frame shows a fixed-length mask, the same for a short and a long password, with the carets under it", () => {
    const frameFor = (password: string) => {
      const text = network({ properties: [`voicemail-password "${password}"`] });
      const diagnostics = checkText(text, { rules: [rule] }).diagnostics;
      return renderText([checkedFile("net.scn", text, diagnostics)], { color: false });
    };
    const short = frameFor("ab");
    expect(short).toContain(' 3 |   voicemail-password "********"\n   |   ^^^^^^^^^^^^^^^^^^\n');
    expect(frameFor(SECRET)).toBe(short);
    expect(frameFor("a much longer pass phrase with spaces")).toBe(short);
  });

  it("no range it reports tells the password's length: the diagnostic marks the keyword, the fix ends at the next line", () => {
    const reported = (password: string) => {
      const text = network({ properties: [`voicemail-password "${password}" // kept`] });
      const [diagnostic] = checkText(text, { rules: [rule] }).diagnostics;
      const edit = diagnostic?.fix?.edits[0];
      const fixed = edit ? text.slice(0, edit.span.start) + edit.text + text.slice(edit.span.end) : "";
      const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
      const columnOf = (offset: number) => offset - text.lastIndexOf("\n", offset - 1);
      return {
        ranges: [diagnostic?.span, edit?.span].map((span) => span && [lineOf(span.start), columnOf(span.start), lineOf(span.end), columnOf(span.end)]),
        fixed,
      };
    };
    const short = reported("ab");
    expect(reported(SECRET).ranges).toEqual(short.ranges);
    expect(short.ranges).toEqual([[3, 3, 3, 21], [3, 3, 4, 1]]);
    expect(reported(SECRET).fixed).toContain('  voicemail-password env "TEST_VM_PASSWORD" // kept\n');
    expect(checkText(reported(SECRET).fixed, { rules: [rule] }).diagnostics).toEqual([]);
  });

  it("names the variable after the network", () => {
    expect(passwordVariable("Acme")).toBe("ACME_VM_PASSWORD");
    expect(passwordVariable("Meridian Health (east)")).toBe("MERIDIAN_HEALTH_EAST_VM_PASSWORD");
    expect(passwordVariable("3 Rivers")).toBe("SCN_3_RIVERS_VM_PASSWORD");
    expect(passwordVariable("ü")).toBe("SCN_VM_PASSWORD");
  });
});
