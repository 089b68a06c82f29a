import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { resolvePassword } from "../../src/compile/secrets.js";
import { network } from "../support/networks.js";

const secretOf = (property: string) => checkText(network({ properties: [property] })).network.voicemailPassword;

describe("resolvePassword", () => {
  it("writes an env reference as {env: NAME} without --resolve-secrets, whatever the environment holds", () => {
    expect(resolvePassword(secretOf('voicemail-password env "VM_PW"'), false, { VM_PW: "hunter2-long" }))
      .toEqual({ ok: true, output: { env: "VM_PW" } });
  });

  it("writes a literal password as a placeholder without --resolve-secrets", () => {
    expect(resolvePassword(secretOf('voicemail-password "hunter2-long"'), false, {})).toEqual({ ok: true, output: { literal: "redacted" } });
  });

  it("writes null when no password is declared", () => {
    expect(resolvePassword(undefined, true, {})).toEqual({ ok: true, output: null });
  });

  it("writes the value with --resolve-secrets, and says which value it wrote so callers can redact it", () => {
    expect(resolvePassword(secretOf('voicemail-password env "VM_PW"'), true, { VM_PW: "hunter2-long" }))
      .toEqual({ ok: true, output: "hunter2-long", value: "hunter2-long" });
    expect(resolvePassword(secretOf('voicemail-password "written-here"'), true, {}))
      .toEqual({ ok: true, output: "written-here", value: "written-here" });
  });

  it("names an unset or empty variable", () => {
    expect(resolvePassword(secretOf('voicemail-password env "VM_PW"'), true, {})).toEqual({ ok: false, missingVariable: "VM_PW", problem: "unset" });
    expect(resolvePassword(secretOf('voicemail-password env "VM_PW"'), true, { VM_PW: "" })).toEqual({ ok: false, missingVariable: "VM_PW", problem: "unset" });
    expect(resolvePassword(secretOf('voicemail-password env "VM_PW"'), true, { VM_PW: "a\uFFFDb" })).toEqual({ ok: false, missingVariable: "VM_PW", problem: "not UTF-8" });
  });
});
