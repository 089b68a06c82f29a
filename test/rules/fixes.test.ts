import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { rulesById } from "../../src/rules/index.js";

/** Applies every fix of one rule's diagnostics at once (edits from the end, so offsets hold). */
function applyFixes(text: string, ruleId: string): { fixed: string; diagnostics: Diagnostic[] } {
  const rule = rulesById.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const diagnostics = checkText(text, { rules: [rule] }).diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
  const edits = diagnostics.flatMap((diagnostic) => diagnostic.fix?.edits ?? []).sort((first, second) => second.span.start - first.span.start);
  let fixed = text;
  for (const edit of edits) fixed = fixed.slice(0, edit.span.start) + edit.text + fixed.slice(edit.span.end);
  return { fixed, diagnostics };
}

function expectFixed(ruleId: string, before: string, after: string): void {
  const { fixed, diagnostics } = applyFixes(before, ruleId);
  expect(diagnostics.length).toBeGreaterThan(0);
  expect(diagnostics.every((diagnostic) => diagnostic.fix)).toBe(true);
  expect(fixed).toBe(after);
  expect(applyFixes(fixed, ruleId).diagnostics).toEqual([]);
}

const head = 'network "N" {\n  release 6.0\n  server vm-hq { role central address 10.0.0.10 }\n';

describe("quick fixes", () => {
  it("group-id-missing adds the next free ids, with or without a block, on one line or several", () => {
    expectFixed("group-id-missing",
      `${head}  office hq { role central licenses { preferred-edition } }\n  office a { }\n  office b { }\n  office c { }\n` +
      "  link hq -- a { group-id 7 }\n  link hq -- b\n  link a -- b {}\n  link a -- c {\n  }\n}\n",
      `${head}  office hq { role central licenses { preferred-edition } }\n  office a { }\n  office b { }\n  office c { }\n` +
      "  link hq -- a { group-id 7 }\n  link hq -- b { group-id 8 }\n  link a -- b { group-id 9 }\n  link a -- c {\n    group-id 10\n  }\n}\n");
  });

  it("central-license adds the licence to the existing block or creates one", () => {
    expectFixed("central-license",
      `${head}  office hq { role central licenses { voicemail-ports 2 } }\n}\n`,
      `${head}  office hq { role central licenses { voicemail-ports 2 preferred-edition } }\n}\n`);
    expectFixed("central-license",
      `${head}  office hq {\n    role central\n  }\n}\n`,
      `${head}  office hq {\n    role central\n    licenses { preferred-edition }\n  }\n}\n`);
  });

  it("distributed-office-license uses the release's licence name", () => {
    const servers = '  server vm-e { role distributed address 10.0.0.11 }\n  office hq { role central licenses { preferred-edition } }\n';
    expectFixed("distributed-office-license",
      `${head}${servers}  office e { voicemail vm-e }\n}\n`,
      `${head}${servers}  office e { voicemail vm-e licenses { preferred-edition } }\n}\n`);
  });

  it("fallback-capacity sets or adds the additional ports", () => {
    const central = "  office hq { role central licenses { preferred-edition voicemail-ports 8 } }\n";
    expectFixed("fallback-capacity",
      `${head}${central}  office dr { role fallback licenses { preferred-edition voicemail-ports 2 } }\n}\n`,
      `${head}${central}  office dr { role fallback licenses { preferred-edition voicemail-ports 8 } }\n}\n`);
    expectFixed("fallback-capacity",
      `${head}${central}  office dr { role fallback licenses {preferred-edition} }\n}\n`,
      `${head}${central}  office dr { role fallback licenses {preferred-edition voicemail-ports 8} }\n}\n`);
  });

  it("license-name-for-release renames the licence", () => {
    expectFixed("license-name-for-release",
      `${head}  office hq { role central licenses { voicemail-pro } }\n}\n`,
      `${head}  office hq { role central licenses { preferred-edition } }\n}\n`);
  });

  it("unneeded-license removes the licence", () => {
    const central = "  office hq { role central licenses { preferred-edition } }\n";
    expectFixed("unneeded-license",
      `${head}${central}  office b { licenses { preferred-edition voicemail-ports 2 ums 4 } }\n}\n`,
      `${head}${central}  office b { licenses { ums 4 } }\n}\n`);
  });

  it("duplicate-link removes the repeated link with its line", () => {
    const offices = "  office hq { role central licenses { preferred-edition } }\n  office a { }\n";
    expectFixed("duplicate-link",
      `${head}${offices}  link hq -- a { group-id 1 }\n  link a -- hq { group-id 2 }\n}\n`,
      `${head}${offices}  link hq -- a { group-id 1 }\n}\n`);
  });

  it("fallback-needs-direct-link adds the link at the end of the network", () => {
    const offices = "  office hq { role central licenses { preferred-edition } }\n  office a { }\n  office dr { role fallback licenses { preferred-edition } }\n";
    expectFixed("fallback-needs-direct-link",
      `${head}${offices}  link hq -- a { group-id 1 }\n  link a -- dr { group-id 2 }\n}\n`,
      `${head}${offices}  link hq -- a { group-id 1 }\n  link a -- dr { group-id 2 }\n  link hq -- dr { group-id 3 }\n}\n`);
  });

  it("failback fixes remove the setting or the stray number", () => {
    expectFixed("failback-without-backup",
      'network "N" {\n  release 6.0\n  server vm-hq {\n    role central\n    failback graceful\n  }\n  office hq { role central }\n}\n',
      'network "N" {\n  release 6.0\n  server vm-hq {\n    role central\n  }\n  office hq { role central }\n}\n');
    expectFixed("failback-timeout-range",
      'network "N" {\n  release 6.0\n  server vm-hq { role central failback manual 5 }\n  server vm-dr { role backup }\n}\n',
      'network "N" {\n  release 6.0\n  server vm-hq { role central failback manual }\n  server vm-dr { role backup }\n}\n');
  });

  it("plaintext-secret replaces the literal with an environment variable", () => {
    expectFixed("plaintext-secret",
      'network "N" {\n  voicemail-password "secret"\n}\n',
      'network "N" {\n  voicemail-password env "N_VM_PASSWORD"\n}\n');
  });
});
