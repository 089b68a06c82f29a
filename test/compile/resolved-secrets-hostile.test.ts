import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SecretRedactor } from "../../src/compile/redact.js";
import { network } from "../support/networks.js";
import { BIN, project, scnc } from "./run-scnc.js";

// Issue 17 item 4: in hand-edited resolved files (build --resolve-secrets output, read back by plan
// and build --check), masking is by value, not only by JSON path; a non-UTF-8 variable is an error
// naming it; --resolve-secrets output directories are 0700 whatever the umask.

const SECRET = "Zk4q-W9xv-7Jm2-Tp8r";
const byEnv = network({
  servers: ['server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }'],
  offices: ["office hq { role central address 10.0.0.1 licenses { preferred-edition } }", "office branch { address 10.3.0.1 }"],
  links: ["link hq -- branch { group-id 5 }"],
  properties: ['voicemail-password env "VM_PW"'],
});

/** Every run of 4 characters of the secret: "no part of it" is printed. */
function expectNoPartOf(secret: string, shown: string): void {
  for (let start = 0; start + 4 <= secret.length; start++) {
    const part = secret.slice(start, start + 4);
    expect(shown.includes(part), `the output shows '${part}' of the secret:\n${shown}`).toBe(false);
  }
}

async function resolvedBuild(): Promise<string> {
  const cwd = project(byEnv);
  const built = await scnc(["build", "net.scn", "-o", "out", "--resolve-secrets"], { cwd, env: { VM_PW: SECRET } });
  expect(built.code, built.stderr).toBe(0);
  return cwd;
}

function edit(cwd: string, file: string, change: (text: string) => string): void {
  const target = path.join(cwd, "out", file);
  writeFileSync(target, change(readFileSync(target, "utf8")));
}

describe("plan and build --check on hand-edited resolved files", () => {
  const hostileEdits: Record<string, (text: string) => string> = {
    "the password copied into another field": (text) => text.replace("{", `{\n  "notes": "the password is ${SECRET}",`),
    "the password copied into a key": (text) => text.replace("{", `{\n  "${SECRET}": 1,`),
    "the file truncated inside the password": (text) => text.slice(0, text.indexOf(SECRET) + 9),
    "the file truncated inside a copy of the password": (text) => `${text.replace("{", `{\n  "copy": "${SECRET}",`).slice(0, text.indexOf(SECRET) + 9)}`,
    "the password member on one line with others": (text) => JSON.stringify(JSON.parse(text)),
  };
  for (const [name, change] of Object.entries(hostileEdits)) {
    it(`prints no part of the password: ${name}`, async () => {
      const cwd = await resolvedBuild();
      edit(cwd, "offices/hq.json", change);
      for (const argv of [["plan", "net.scn", "-o", "out"], ["plan", "net.scn", "-o", "out", "--resolve-secrets"], ["build", "net.scn", "-o", "out", "--check"]]) {
        const run = await scnc(argv, { cwd, env: { VM_PW: SECRET } });
        expect(run.stderr).not.toMatch(/internal error/);
        expectNoPartOf(SECRET, run.stdout + run.stderr);
      }
    });
  }

  it("still shows that a password changed, with numbered placeholders", async () => {
    const cwd = await resolvedBuild();
    const run = await scnc(["plan", "net.scn", "-o", "out", "--resolve-secrets"], { cwd, env: { VM_PW: "Yh3p-Q8dn-2Vc6" } });
    expect(run.stdout).toContain("(secret 1) → (secret 2)");
    expectNoPartOf(SECRET, run.stdout);
    expectNoPartOf("Yh3p-Q8dn-2Vc6", run.stdout);
  });
});

describe("SecretRedactor", () => {
  it("masks a learnt value wherever it occurs, and a cut-off member", () => {
    const redactor = new SecretRedactor().learn(['{"voicemailPassword": "Abc\\"def-1"}']);
    expect(redactor.text('{"x": "Abc\\"def-1 copied", "voicemailPassword": "Abc\\"def-1"}')).toBe('{"x": "(secret 1) copied", "voicemailPassword": "(secret 1)"}');
    expect(redactor.field("notes", 'see Abc"def-1')).toBe("see (secret 1)");
    expect(redactor.text('{"voicemailPassword": "Abc\\"d')).toBe('{"voicemailPassword": "(secret 2)');
    expect(redactor.text('{"copy": "Abc\\"de')).toBe('{"copy": "(secret 1)');
  });

  it("masks short passwords where they are written only", () => {
    const redactor = new SecretRedactor().learn(['{"voicemailPassword": "ab"}']);
    expect(redactor.text('{"name": "abc", "voicemailPassword": "ab"}')).toBe('{"name": "abc", "voicemailPassword": "(secret 1)"}');
  });
});

describe("--resolve-secrets and the environment", () => {
  it("refuses a variable that is not UTF-8 (Node shows its bytes as U+FFFD), naming it and nothing of it", async () => {
    const cwd = project(byEnv);
    const run = await scnc(["build", "net.scn", "-o", "out", "--resolve-secrets"], { cwd, env: { VM_PW: "Pw\uFFFD\uFFFDrest" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('scnc: --resolve-secrets: the environment variable VM_PW is not valid UTF-8 (scnc would write another password than the one set) (net.scn:3:3 sets voicemail-password env "VM_PW")\n');
    expect(run.stderr).not.toContain("rest");
  });

  it.skipIf(process.platform === "win32")("refuses invalid bytes set by a real shell", () => {
    const cwd = project(byEnv);
    const run = spawnSync("/bin/sh", ["-c", `VM_PW="$(printf 'Pw\\377\\376x')" exec "$0" "$1" build net.scn -o out --resolve-secrets`, process.execPath, BIN], { cwd, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the environment variable VM_PW is not valid UTF-8/);
  });

  it.skipIf(process.platform === "win32")("makes the output directory and its folders 0700 whatever the umask, also over an open directory", async () => {
    const cwd = project(byEnv);
    const open = await scnc(["build", "net.scn", "-o", "out"], { cwd, env: { VM_PW: SECRET } });
    expect(open.code).toBe(0);
    chmodSync(path.join(cwd, "out"), 0o755);
    const run = spawnSync("/bin/sh", ["-c", 'umask 000; exec "$0" "$1" build net.scn -o out --resolve-secrets', process.execPath, BIN], { cwd, encoding: "utf8", env: { ...process.env, VM_PW: SECRET } });
    expect(run.status, run.stderr).toBe(0);
    for (const folder of ["out", "out/offices", "out/servers"]) expect([folder, statSync(path.join(cwd, folder)).mode & 0o777]).toEqual([folder, 0o700]);
    const fresh = spawnSync("/bin/sh", ["-c", 'umask 000; exec "$0" "$1" build net.scn -o fresh --resolve-secrets', process.execPath, BIN], { cwd, encoding: "utf8", env: { ...process.env, VM_PW: SECRET } });
    expect(fresh.status, fresh.stderr).toBe(0);
    for (const folder of ["fresh", "fresh/offices", "fresh/servers"]) expect([folder, statSync(path.join(cwd, folder)).mode & 0o777]).toEqual([folder, 0o700]);
  });
});
