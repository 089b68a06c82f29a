import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runCli } from "../support/cli.js";
import { schemaValidator } from "../support/json-schema.js";
import { expectReportAgreesWithRules } from "./agreement.js";

const validate = schemaValidator(new URL("../../schemas/licenses.schema.json", import.meta.url));

function fileWith(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "scnc-licenses-")), "network.scn");
  writeFileSync(file, text);
  return file;
}

const SHORT = `network "Short" {
  release 6.0
  voicemail-password env "VM"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-e  { role distributed address 10.0.0.11 mail-domain "vm-e.example.com" }
  office hq   { role central address 10.0.0.1 uses ums licenses { preferred-edition voicemail-ports 8 } }
  office dr   { role fallback address 10.0.0.2 licenses { preferred-edition } }
  office east { address 10.0.0.3 voicemail vm-e uses tts }
  office m    { address 10.0.0.4 licenses { preferred-edition } }
  link hq -- dr   { group-id 100 }
  link hq -- east { group-id 101 }
  link hq -- m    { group-id 102 }
}
`;

/** Networks that exercise each licence rule, plus every example. */
const CASES: Record<string, string> = {
  short: SHORT,
  "no central edition": SHORT.replace("uses ums licenses { preferred-edition voicemail-ports 8 }", "licenses { voicemail-ports 8 }"),
  "no fallback edition": SHORT.replace("office dr   { role fallback address 10.0.0.2 licenses { preferred-edition } }", "office dr { role fallback address 10.0.0.2 }"),
  "R5 names": SHORT.replace("release 6.0", "release 5.0").replace(/server vm-e .*\n/, "").replace("voicemail vm-e ", "licenses { voicemail-pro tts 2 } "),
  ...Object.fromEntries(readdirSync(`${repositoryRoot}/examples`).filter((name) => name.endsWith(".scn"))
    .map((name) => [name, readFileSync(`${repositoryRoot}/examples/${name}`, "utf8")])),
};

describe("scnc licenses agrees with the licence rules", () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => expectReportAgreesWithRules(text));
  }
});

describe("scnc licenses", () => {
  it("shows each office's needs, holdings and shortfalls, and exits 1 when anything is short", async () => {
    const run = await runCli(["licenses", fileWith(SHORT)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Licences of "Short": 3 offices are short$/m);
    expect(run.stdout).toMatch(/^hq +central +Preferred Edition \(Voicemail Pro\) +1 +1 +-$/m);
    expect(run.stdout).toMatch(/^ +UMS +1 +0 +1$/m);
    expect(run.stdout).toMatch(/^dr +fallback +Preferred Edition \(Voicemail Pro\) \+ +1 +1 +-$/m);
    expect(run.stdout).toMatch(/^ +Voicemail ports \+ +12 +4 +8$/m);
    expect(run.stdout).toMatch(/^m +member +none needed$/m);
    expect(run.stdout).toMatch(/^ {2}east: Preferred Edition \(Voicemail Pro\): needs 1, holds 0, 1 short\n? +\(distributed-office-license\)/m);
    expect(run.stdout).toMatch(/m holds Preferred Edition \(Voicemail Pro\) that a member office/);
    expect(run.stdout.split("\n").filter((line) => line.length > 80)).toEqual([]);
  });

  it("exits 0 when nothing is short, naming the licence as the office's release does", async () => {
    const run = await runCli(["licenses", "examples/r5-fallback-office.scn"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Licences of "Harbourside Hotels": nothing is short$/m);
    expect(run.stdout).toMatch(/^quay +central +Voicemail Pro +1 +1 +-$/m);
    // Below 6.0 the footnote names the licence as the table does, not by its R6 name.
    expect(run.stdout.replace(/\s+/g, " ")).toContain("Voicemail ports count 4 per Voicemail Pro licence plus");
    expect(run.stdout).not.toContain("Preferred Edition");
  });

  it("writes JSON that validates against schemas/licenses.schema.json", async () => {
    for (const file of [fileWith(SHORT), "examples/acme.scn"]) {
      const run = await runCli(["licenses", file, "--format", "json"]);
      const document = JSON.parse(run.stdout) as { short: boolean };
      expect(validate(document)).toEqual([]);
      expect(document.short).toBe(run.code === 1);
    }
  });

  it("refuses a network with errors other than licence shortfalls", async () => {
    const run = await runCli(["licenses", "examples/broken/roles.scn"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/has errors; fix them first/);
  });
});
