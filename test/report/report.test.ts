import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repositoryRoot, runCli } from "../support/cli.js";
import { expectGolden } from "../support/golden.js";

// `scnc report`: the handover report of examples/acme.scn pinned as a golden file, and what must
// hold of every report: self-contained, deterministic, accessible structure, no secret.
const golden = path.join(repositoryRoot, "test/golden/report");

const temporary: string[] = [];
afterEach(() => {
  for (const directory of temporary.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function workspace(): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), "scnc-report-"));
  temporary.push(directory);
  return directory;
}

async function report(argv: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(["report", ...argv], { env });
}

describe("scnc report", () => {
  it("writes the report of examples/acme.scn (golden), the same bytes every time", async () => {
    const first = await report(["examples/acme.scn"]);
    expect(first.code, first.stderr).toBe(0);
    expectGolden(path.join(golden, "acme.html"), first.stdout);
    const directory = workspace();
    const second = await report(["examples/acme.scn", "-o", path.join(directory, "acme.html")]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe("");
    expect(readFileSync(path.join(directory, "acme.html"), "utf8")).toBe(first.stdout);
  });

  it("asks for nothing outside the page: no external URL, script, font or stylesheet link", async () => {
    const { stdout } = await report(["examples/acme.scn"]);
    // The SVG namespaces are names, not requests; anything else that looks like a URL is a defect.
    const urls = [...stdout.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((match) => match[0])
      .filter((url) => !/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/.test(url));
    expect(urls).toEqual([]);
    expect(stdout).not.toMatch(/<script|<link rel="stylesheet"|@import|@font-face|<img|<iframe/);
    expect(stdout).toContain("default-src 'none'");
  });

  it("has landmarks, one h1, a heading per section, table headers with scope, and a page break per section in print", async () => {
    const { stdout } = await report(["examples/acme.scn"]);
    expect(stdout).toMatch(/<html lang="en">/);
    for (const landmark of ["<header>", "<nav aria-label=\"Sections\">", "<main>", "<footer>"]) expect(stdout).toContain(landmark);
    expect(stdout.match(/<h1>/g)).toHaveLength(1);
    for (const id of ["summary", "topology", "diagnostics", "failures", "licences", "devices", "runbook"]) {
      expect(stdout).toContain(`<section id="${id}" aria-labelledby="${id}-title">`);
      expect(stdout).toMatch(new RegExp(`<h2 id="${id}-title">`));
    }
    expect(stdout).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
    expect(stdout).toMatch(/@media print \{[\s\S]*main > section \{ break-before: page; \}/);
  });

  it("draws every device in the SVG and marks each office's voicemail path", async () => {
    const { stdout } = await report(["examples/acme.scn"]);
    const svg = stdout.slice(stdout.indexOf("<svg"), stdout.indexOf("</svg>"));
    for (const name of ["hq", "dr", "east", "branch", "vm&#45;hq", "vm&#45;dr", "vm&#45;east"]) expect(svg).toContain(`>${name}</text>`);
    for (const path of ["voicemail: central", "voicemail: fallback", "voicemail: distributed"]) expect(svg).toContain(path);
  });

  it("tabulates every single and double failure × every office, each cell in words", async () => {
    const { stdout } = await report(["examples/acme.scn"]);
    const matrix = stdout.slice(stdout.indexOf('<table class="matrix">'), stdout.indexOf("</table>", stdout.indexOf('<table class="matrix">')));
    // 8 failing devices (hq, dr, vm-hq, vm-dr, vm-east, 3 links): 8 single + 28 double failures; 4 offices.
    expect(matrix.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr>/g)).toHaveLength(36);
    const cells = [...matrix.matchAll(/<td class="status ([a-z-]+)">([^<]+)/g)];
    expect(cells).toHaveLength(36 * 4);
    const words: Record<string, string> = {
      served: "served", "without-message-waiting": "without message waiting", "without-answering": "without answering",
      split: "split", accepted: "accepted", down: "down (failed itself)",
    };
    for (const [, status, text] of cells) expect(text?.trim()).toBe(words[status as string]);
    expect(new Set(cells.map((cell) => cell[1]))).toContain("without-answering");
  });

  it("names accepted failures with their reason and passes the gate", async () => {
    const directory = workspace();
    const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8");
    const accepted = acme.replace(/\n}\s*$/, '\n  accept-failure vm-east "east answers from its own server; the owner accepts it"\n}\n');
    writeFileSync(path.join(directory, "net.scn"), accepted);
    const run = await runCli(["report", "net.scn"], { cwd: directory });
    expect(run.stdout).toContain("east answers from its own server; the owner accepts it");
    expect(run.stdout).toContain('<td class="status accepted">accepted');
  });

  it("still reports a network with errors: summary and diagnostics with code frames, exit 1", async () => {
    const directory = workspace();
    writeFileSync(path.join(directory, "bad.scn"), 'network "Bad" {\n  office hq { role central address 10.0.0.1 voicemail vm-nowhere }\n}\n');
    const run = await runCli(["report", "bad.scn", "-o", "bad.html"], { cwd: directory });
    expect(run.code).toBe(1);
    const html = readFileSync(path.join(directory, "bad.html"), "utf8");
    expect(html).toContain('<strong class="verdict fail">fails</strong>');
    expect(html).toMatch(/<pre>bad\.scn:2:\d+ error [\s\S]*\n +2 \| +office hq/);
    expect(html).not.toContain("<svg");
    expect(html).toContain("Not simulated: the network has errors.");
  });

  it("shows a control character from the file as its picture, so the report cannot repaint a terminal it is printed to", async () => {
    const directory = workspace();
    const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8");
    writeFileSync(path.join(directory, "net.scn"), acme.replace(/network "[^"]*"/, 'network "Acme\u001b[2J\u0007 Corp"'));
    const run = await runCli(["report", "net.scn"], { cwd: directory });
    expect(run.stdout).toContain("<h1>Voicemail network Acme\u241b[2J\u2407 Corp: handover report</h1>");
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("never shows a password", async () => {
    const directory = workspace();
    const acme = readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8");
    writeFileSync(path.join(directory, "net.scn"), acme.replace('voicemail-password env "ACME_VM_PASSWORD"', 'voicemail-password "Sup3r-S3cret"'));
    const run = await runCli(["report", "net.scn"], { cwd: directory, env: { ACME_VM_PASSWORD: "Sup3r-S3cret" } });
    expect(run.stdout).toContain("<html");
    expect(run.stdout + run.stderr).not.toContain("Sup3r-S3cret");
  });
});
