import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { formatText } from "../../src/format/format.js";
import { LineIndex } from "../../src/language/line-index.js";
import { parse } from "../../src/language/parse.js";
import { lower } from "../../src/ir/lower.js";

const base = [
  'network "N" {',
  "  release 6.0",
  "  server vm-hq { role central }",
  "  office hq { role central licenses { preferred-edition } }",
  "  office east { }",
  "  link hq -- east { group-id 1 }",
];
const withLine = (line: string): string => [...base, `  ${line}`, "}", ""].join("\n");

function errorsOf(text: string): { rule: string; at: string; message: string }[] {
  const index = new LineIndex(text);
  return checkText(text).diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => {
    const start = index.positionAt(diagnostic.span.start);
    const end = index.positionAt(diagnostic.span.end);
    return { rule: diagnostic.ruleId, at: `${start.line}:${start.column}-${end.line}:${end.column}`, message: diagnostic.message };
  });
}

describe("accept-failure", () => {
  it("parses devices, links in either spelling, and the reason", () => {
    const text = withLine('accept-failure east--hq, vm-hq ,hq -- east "why"');
    const network = lower(parse(text));
    expect(network.acceptedFailures).toHaveLength(1);
    const [accepted] = network.acceptedFailures;
    expect(accepted?.devices.map((device) => [device.name, device.target?.kind])).toEqual([
      ["east--hq", "link"], ["vm-hq", "server"], ["hq--east", "link"],
    ]);
    expect(accepted?.reason?.value).toBe("why");
    expect(errorsOf(text)).toEqual([]);
  });

  it("requires a reason, with one error that says what to write", () => {
    expect(errorsOf(withLine("accept-failure east--hq"))).toEqual([{
      rule: "syntax-error", at: "7:18-7:26",
      message: 'accept-failure needs a reason after the failure, in double quotes: accept-failure east--hq "why losing this is accepted"',
    }]);
    expect(errorsOf(withLine('accept-failure hq ""'))).toEqual([
      { rule: "invalid-value", at: "7:21-7:23", message: 'invalid reason "": say why losing voicemail in this failure is accepted' },
    ]);
  });

  it("reads what follows a missing reason: the next declaration is not lost", () => {
    const text = [...base, "  accept-failure hq", "  office west { }", "  link hq -- west { group-id 2 }", "}", ""].join("\n");
    expect(errorsOf(text).map((error) => error.rule)).toEqual(["syntax-error"]);
    expect(lower(parse(text)).offices.map((office) => office.name)).toEqual(["hq", "east", "west"]);
  });

  it("reports names that match nothing as unknown-reference, with the closest name", () => {
    expect(errorsOf(withLine('accept-failure vm-hqq "why"'))).toEqual([{
      rule: "unknown-reference", at: "7:18-7:24", message: "accept-failure names 'vm-hqq', which is not a declared office or server; did you mean 'vm-hq'?",
    }]);
    expect(errorsOf(withLine('accept-failure east--west "why"'))[0]).toMatchObject({ rule: "unknown-reference", at: "7:24-7:28" });
    expect(errorsOf(withLine('accept-failure east--east "why"'))[0]?.message).toBe("accept-failure names link 'east--east', but no link joins 'east' and 'east'");
  });

  it("is formatted on one line, as simulate --fail names the devices", async () => {
    const text = withLine('accept-failure   east -- hq ,vm-hq   "why" // kept');
    const first = await formatText(text);
    const formatted = first.ok ? first.formatted : "";
    expect(formatted).toMatch(/^ {2}accept-failure east--hq, vm-hq "why" \/\/ kept$/m);
    expect(await formatText(formatted)).toMatchObject({ ok: true, changed: false });
  });
});
