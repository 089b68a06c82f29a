import { execFileSync } from "node:child_process";

/** CI sets SCNC_EDITOR_TESTS=required: an editor that is not installed then fails its test instead
 * of skipping it (.ci/run installs them). */
export const EDITOR_TESTS_REQUIRED = process.env.SCNC_EDITOR_TESTS === "required";

/** Whether `command args…` runs and exits 0 here (the editor is installed, with what its test needs). */
export function commandRuns(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The network the editor tests open: its diagnostics, hover and go-to-definition positions are
 * asserted by line and column, so each driver depends on this exact text. */
export const NETWORK = `network "Acme" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.acme.example" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.acme.example" platform linx }
  office hq { role central address 10.0.0.1 }
  office east { address 10.2.0.1 voicemail vm-east }
  link hq -- east { group-id 101 }
}
`;
