import { execFileSync } from "node:child_process";

/** End-to-end tests run ./bin/scnc, which loads dist/: build it from the current source first,
 * so a test never passes against a stale bundle. */
export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
