import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

const created: string[] = [];
afterEach(() => {
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A fresh directory holding `files` (path → text or bytes), removed after the test. */
export function workspaceWith(files: Record<string, string | Uint8Array> = {}): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), "scnc-check-"));
  created.push(directory);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), content);
  }
  return directory;
}

/** A network that is clean under every rule. */
export const cleanNetwork = `network "Clean" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 101 }
}
`;

/** No stack trace: no "    at fn (file:line)" frames, no "Error:" prefixes from Node. */
export const STACK_TRACE = /^\s+at .+[:(]|^\w*Error:/m;
