import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runCli } from "../support/cli.js";
import { cleanNetwork, workspaceWith } from "./workspace.js";

// docs/ci.md promises copy-pasteable CI steps. Every `npx scnc …` command in its YAML is run here
// as written (CI variables filled in), on a repository whose networks/ holds one clean network
// and one with a warning: each must be a valid command whose exit code fails the job on the
// warning (where the page says so), and a SARIF redirect must receive a SARIF log.
const page = readFileSync(path.join(repositoryRoot, "docs/ci.md"), "utf8");
const yamlBlocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string);

const ciVariables: Record<string, string> = {
  "${{ matrix.shard }}": "1",
  "$CI_NODE_INDEX": "1",
  "$CI_NODE_TOTAL": "1",
};

interface DocumentedCommand {
  readonly line: string;
  readonly argv: string[];
  readonly redirect: string | undefined;
  /** --output-file FILE: the report goes there instead of stdout. */
  readonly outputFile?: string;
}

function documentedCommands(): DocumentedCommand[] {
  const commands: DocumentedCommand[] = [];
  for (const block of yamlBlocks) {
    for (const match of block.matchAll(/npx --no scnc ([^\n|>]*)(?:> *(\S+))?/g)) {
      let text = match[1] as string;
      let redirect = match[2];
      for (const [variable, value] of Object.entries(ciVariables)) {
        text = text.split(variable).join(value);
        redirect = redirect?.split(variable).join(value);
      }
      const argv = text.replace(/"/g, "").trim().split(/\s+/);
      const outputFile = argv.indexOf("--output-file");
      commands.push({ line: match[0].trim(), argv, redirect, ...(outputFile === -1 ? {} : { outputFile: argv[outputFile + 1] as string }) });
    }
  }
  return commands;
}

const oneWarning = cleanNetwork.replace("group-id 101", "group-id 0");

describe("docs/ci.md", () => {
  const commands = documentedCommands();

  it("never runs a bare `npx scnc`, which would fetch and run any package of that name when the local one is missing", () => {
    expect(page.match(/npx (?!--no )\S*\s*scnc/g) ?? []).toEqual([]);
    expect(page).toContain("npx --no scnc");
  });

  it("has GitHub Actions (with the SARIF upload) and GitLab CI examples", () => {
    expect(yamlBlocks.some((block) => block.includes("github/codeql-action/upload-sarif") && block.includes("security-events: write"))).toBe(true);
    expect(yamlBlocks.some((block) => block.includes(".gitlab-ci.yml"))).toBe(true);
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  // The plan gate: the deployed build in deployed/acme, the network in networks/acme.scn.
  const planCommands = commands.filter((documented) => documented.argv[0] === "plan");
  it("shows the plan gate with and without --detailed-exitcode", () => {
    expect(planCommands.map((command) => command.argv.includes("--detailed-exitcode"))).toEqual([false, true, true]);
  });

  for (const command of planCommands) {
    it(`runs as written, with Terraform's exit codes: ${command.line}`, async () => {
      const detailed = command.argv.includes("--detailed-exitcode");
      const cwd = workspaceWith({ "networks/acme.scn": cleanNetwork });
      expect((await runCli(command.argv, { cwd })).code, "nothing deployed yet").toBe(detailed ? 2 : 0);
      await runCli(["build", "networks/acme.scn", "-o", "deployed/acme"], { cwd });
      expect((await runCli(command.argv, { cwd })).code, "up to date").toBe(0);
      writeFileSync(path.join(cwd, "networks/acme.scn"), cleanNetwork.replace("group-id 101", "group-id 102"));
      expect((await runCli(command.argv, { cwd })).code, "a change pending").toBe(detailed ? 2 : 0);
      writeFileSync(path.join(cwd, "networks/acme.scn"), cleanNetwork.replace("group-id 101", "group-id x"));
      expect((await runCli(command.argv, { cwd })).code, "errors").toBe(1);
    });
  }

  for (const command of commands.filter((documented) => documented.argv[0] === "check")) {
    it(`runs as written: ${command.line}`, async () => {
      const clean = await runCli(command.argv, { cwd: workspaceWith({ "networks/a.scn": cleanNetwork }) });
      expect(clean.stderr).toBe("");
      expect(clean.code).toBe(0);
      const warnedCwd = workspaceWith({ "networks/a.scn": cleanNetwork, "networks/sub/b.scn": oneWarning });
      const warned = await runCli(command.argv, { cwd: warnedCwd });
      expect(warned.code).toBe(command.argv.includes("--max-warnings") ? 1 : 0);
      const sarifFile = [command.redirect, command.outputFile].find((file) => file?.endsWith(".sarif"));
      if (sarifFile) {
        const log = JSON.parse(command.outputFile ? readFileSync(path.join(warnedCwd, command.outputFile), "utf8") : warned.stdout) as Sarif.Log;
        expect(log.version).toBe("2.1.0");
        expect(log.runs[0]?.results?.map((result) => result.ruleId)).toContain("group-id-default");
      }
    });
  }
});

describe("npx --no scnc, as the snippets run it", () => {
  // The real npx, on a repository where scnc is a dev dependency (linked, as npm ci would install
  // it): it runs the local scnc, and --no means it never installs anything. Offline, so a mistake
  // here can never reach the registry.
  it("runs the local scnc with its exit code", () => {
    const cwd = workspaceWith({
      "package.json": JSON.stringify({ name: "networks", private: true, devDependencies: { scnc: "0.1.0" } }),
      "networks/a.scn": cleanNetwork,
      "networks/sub/b.scn": oneWarning,
    });
    mkdirSync(path.join(cwd, "node_modules/.bin"), { recursive: true });
    symlinkSync(repositoryRoot, path.join(cwd, "node_modules/scnc"), "junction");
    symlinkSync(path.join(repositoryRoot, "bin/scnc"), path.join(cwd, "node_modules/.bin/scnc"));
    const run = spawnSync("npx", ["--no", "scnc", "check", "networks/", "--max-warnings", "0"], {
      cwd, encoding: "utf8", shell: process.platform === "win32",
      env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false", NO_COLOR: "1" },
    });
    expect(run.stdout).toContain("0 errors, 1 warning in 2 files");
    expect(run.status).toBe(1);
  });
});
