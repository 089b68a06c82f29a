import type { Secret } from "../ir/types.js";
import type { PasswordOutput } from "./documents.js";

export type PasswordResolution =
  | { readonly ok: true; readonly output: PasswordOutput; /** The value written, if any: callers redact it. */ readonly value?: string }
  | { readonly ok: false; readonly missingVariable: string; readonly problem: "unset" | "not UTF-8" };

/**
 * How the network's voicemail password is written (docs/secrets.md). Without `resolve`, an env
 * reference stays a reference and a password written literally in the .scn file becomes a
 * placeholder: build output is safe to commit and to show in a plan. With `resolve`, the value is
 * written; an unset or empty variable, or one that is not UTF-8, is reported by name (never by value).
 */
export function resolvePassword(
  secret: Secret | undefined,
  resolve: boolean,
  env: Readonly<Record<string, string | undefined>>,
): PasswordResolution {
  if (!secret) return { ok: true, output: null };
  if (!resolve) return { ok: true, output: secret.kind === "env" ? { env: secret.variable } : { literal: "redacted" } };
  if (secret.kind === "literal") return { ok: true, output: secret.value, value: secret.value };
  const value = env[secret.variable];
  if (value === undefined || value === "") return { ok: false, missingVariable: secret.variable, problem: "unset" };
  // Node decodes the environment as UTF-8 and turns each invalid byte into U+FFFD, silently: the
  // password written would not be the one set. A U+FFFD in a real password is implausible, so it
  // is read as an invalid byte (docs/decisions.md).
  if (value.includes("\uFFFD")) return { ok: false, missingVariable: secret.variable, problem: "not UTF-8" };
  return { ok: true, output: value, value };
}
