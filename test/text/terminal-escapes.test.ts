import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { printable, printableLines } from "../../src/text/printable.js";
import { scnc, project } from "../compile/run-scnc.js";

// Control characters an attacker puts in a .scn file: clear the screen, set the window title (OSC
// ended by BEL), a C1 CSI, DEL, a bidi override. (A carriage return ends a line in .scn, so it
// cannot be inside a string; printableLines() still escapes it.)
const PAYLOAD = "\u001b[2J\u001b]0;pwned\u0007\u009b31m\u007f\u202e";
/** Any control character but the line feeds and tabs of the layout. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const hostile = `network "Acme${PAYLOAD}" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 101 }
  accept-failure hq "${PAYLOAD} the branch waits"
  office east { role ${PAYLOAD} }
}
`;

function expectPrintable(label: string, text: string): void {
  const found = CONTROL.exec(text);
  expect(found, `${label} prints U+${found?.[0].charCodeAt(0).toString(16).padStart(4, "0")} near ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 20), (found?.index ?? 0) + 5))}`).toBeNull();
}

describe("printable", () => {
  it("turns each control character into one visible character, so columns stay put", () => {
    expect(printable("a\u001bb\u0007c\u0000d\u007fe\u009bf\u202eg\nh\ti")).toBe("a␛b␇c␀d␡e\ufffdf\ufffdg␊h␉i");
    expect([...printable(PAYLOAD)]).toHaveLength([...PAYLOAD].length);
    expect(printableLines("a\u001b[2J\nb\tc\r\n")).toBe("a␛[2J\nb\tc␍\n");
  });

  it("returns text without control characters unchanged", () => {
    const text = "network 'Acme' — Zürich ✓";
    expect(printable(text)).toBe(text);
  });
});

describe("control characters from the input never reach a terminal", () => {
  it("check: messages and code frames, with and without colour", async () => {
    const cwd = project(hostile);
    const plain = await scnc(["check", "net.scn"], { cwd });
    expect(plain.stdout).toContain("␛[2J");
    expectPrintable("check", plain.stdout + plain.stderr);
    const colored = await scnc(["check", "net.scn"], { cwd, tty: true });
    // Colour is scnc's own SGR; the input's sequences are shown, not sent.
    expect(colored.stdout).toContain("\u001b[31m");
    expect(colored.stdout).not.toMatch(/\u001b\[2J|\u001b\]0;|\u0007|\u009b|\u202e/);
  });

  it("every other human-readable output", async () => {
    const cwd = project(hostile.replace(`  office east { role ${PAYLOAD} }\n`, ""));
    const env = { VM_PASSWORD: "Pw-1" };
    const runs: Array<[string, string[]]> = [
      ["simulate", ["simulate", "net.scn", "--fail", "hq"]],
      ["simulate --all", ["simulate", "net.scn", "--all"]],
      ["graph mermaid", ["graph", "net.scn"]],
      ["graph dot", ["graph", "net.scn", "--format", "dot"]],
      ["licenses", ["licenses", "net.scn"]],
      ["runbook", ["runbook", "net.scn"]],
      ["plan", ["plan", "net.scn", "-o", "out"]],
      ["plan checklist", ["plan", "net.scn", "-o", "out", "--format", "checklist"]],
    ];
    for (const [label, argv] of runs) {
      const run = await scnc(argv, { cwd, env });
      expect(run.stderr, label).not.toMatch(/internal error/);
      expectPrintable(label, run.stdout + run.stderr);
    }
    const built = await scnc(["build", "net.scn", "-o", "checklists", "--format", "checklist"], { cwd, env });
    expect(built.code, built.stderr).toBe(0);
    const directory = path.join(cwd, "checklists");
    const files = readdirSync(directory, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith(".md"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expectPrintable(file.name, readFileSync(path.join(file.parentPath, file.name), "utf8"));
  });

  it("a hand-edited file in the output directory is shown escaped in plan's diff", async () => {
    const cwd = project(hostile.replace(`  office east { role ${PAYLOAD} }\n`, ""));
    const env = { VM_PASSWORD: "Pw-1" };
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd, env })).code).toBe(0);
    const file = path.join(cwd, "out/offices/hq.json");
    writeFileSync(file, readFileSync(file, "utf8").replace("{", `{ "x": "\u001b]0;pwned\u0007",`));
    const plan = await scnc(["plan", "net.scn", "-o", "out"], { cwd, env, tty: true });
    expect(plan.stdout).toContain("␛]0;pwned␇");
    expect(plan.stdout).not.toMatch(/\u001b\]0;|\u0007/);
  });

  it("a file name and an unknown rule id on the command line", async () => {
    const cwd = project(hostile);
    writeFileSync(path.join(cwd, `bad${PAYLOAD}.scn`), "network {");
    const check = await scnc(["check", cwd], { cwd });
    expectPrintable("check DIR", check.stdout + check.stderr);
    const explain = await scnc(["explain", `x${PAYLOAD}`], { cwd });
    expect(explain.code).toBe(2);
    expectPrintable("explain", explain.stdout + explain.stderr);
  });
});
