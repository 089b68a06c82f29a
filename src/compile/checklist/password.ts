import type { PasswordOutput } from "../documents.js";

/** A checklist never shows a password: it says where the engineer finds it (docs/secrets.md). */
export function passwordInstruction(password: PasswordOutput): string {
  if (password === null) return "none declared in the network: leave it as it is";
  if (typeof password === "string") return "the password scnc resolved (not shown in checklists)";
  if ("env" in password) return `the value of the environment variable \`${password.env}\``;
  return "the password written in the .scn file (not shown here)";
}
