import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { browserTestsRequired } from "../support/browser.js";
import { repositoryRoot } from "../support/cli.js";

// A CI run that silently skipped the browser tests would pass for one that ran them.
describe("browser tests in CI", () => {
  it(".ci/run installs Chromium when it is missing and makes the browser tests required", () => {
    const script = readFileSync(path.join(repositoryRoot, ".ci/run"), "utf8");
    expect(script).toMatch(/if \[ "\$\{CI:-\}" = "true" \]; then[\s\S]*apt-get install -y chromium[\s\S]*export SCNC_BROWSER_TESTS=required[\s\S]*fi\nnpm ci && npm test/);
  });

  it.runIf(process.env.CI === "true")("are required in this CI run", () => {
    expect(browserTestsRequired).toBe(true);
  });
});
