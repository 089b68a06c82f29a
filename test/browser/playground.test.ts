import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlayground } from "../../scripts/playground.mjs";
import { browserTestsEnabled, launchBrowser, seriousViolations, watchedPage, type BrowserSession, type WatchedPage } from "../support/browser.js";
import { repositoryRoot, runCli } from "../support/cli.js";

// The playground (npm run playground) in headless Chromium, served from a routed origin that
// answers only with playground/dist/'s files (any other request is refused and fails the test),
// and from file://.
const ORIGIN = "http://scnc-playground.invalid/";
const dist = path.join(repositoryRoot, "playground/dist");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

describe.skipIf(!browserTestsEnabled)("the playground in a browser", () => {
  let session: BrowserSession;
  let files: Map<string, { body: Buffer; contentType: string }>;
  beforeAll(async () => {
    await buildPlayground();
    files = new Map(readdirSync(dist).map((name) => [ORIGIN + name, { body: readFileSync(path.join(dist, name)), contentType: TYPES[path.extname(name)] ?? "application/octet-stream" }]));
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(hash = ""): Promise<WatchedPage> {
    const watched = await watchedPage(session.context, files);
    await watched.page.goto(`${ORIGIN}index.html${hash}`, { waitUntil: "load" });
    await watched.page.waitForFunction("Number(document.body.dataset.published) > 0 && Number(document.body.dataset.views) > 0");
    return watched;
  }

  function playgroundText(watched: WatchedPage): Promise<string> {
    return watched.page.evaluate("scncPlayground.text()");
  }

  async function showTab(watched: WatchedPage, name: string): Promise<void> {
    const before = Number(await watched.page.evaluate("document.body.dataset.views"));
    await watched.page.getByRole("tab", { name }).click();
    await watched.page.waitForFunction(`Number(document.body.dataset.views) > ${before}`);
  }

  it("loads an example, with its diagnostics, and asks for nothing outside the page", async () => {
    const watched = await open();
    await watched.page.selectOption("#examples", "r6-backup-server.scn");
    const example = readFileSync(path.join(repositoryRoot, "examples/r6-backup-server.scn"), "utf8");
    expect(await playgroundText(watched)).toBe(example);
    await showTab(watched, "Diagnostics");
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([]);
    await watched.page.close();
  });

  it("shows the diagnostic of a typed mistake, and its quick fix removes it", async () => {
    const watched = await open();
    const { page } = watched;
    const text = await playgroundText(watched);
    const at = text.indexOf("preferred-edition  voicemail-ports 2");
    const published = Number(await page.evaluate("document.body.dataset.published"));
    await page.evaluate(`scncPlayground.replace(${at}, ${at + "preferred-edition".length}, "voicemail-pro")`);
    await page.waitForFunction(`Number(document.body.dataset.published) > ${published}`);
    // The lint panel (Ctrl-Shift-M in the editor) lists each diagnostic with its quick fixes.
    await page.evaluate("scncPlayground.openDiagnostics()");
    const panel = page.locator(".cm-panel-lint");
    await expect.poll(() => panel.textContent()).toContain("is called `preferred-edition`, not `voicemail-pro`");
    await panel.getByRole("button", { name: "Replace with `preferred-edition`" }).click();
    await expect.poll(() => playgroundText(watched)).toBe(text);
    await expect.poll(() => panel.textContent()).not.toContain("voicemail-pro");
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it("hover, completion, rename and formatting come from the language server", async () => {
    const watched = await open();
    const { page } = watched;
    const text = await playgroundText(watched);
    // Hover on a server's name in an office's voicemail line (a name span of the highlighting).
    await page.locator(".cm-line", { hasText: "voicemail vm-east" }).locator(".scn-name", { hasText: "vm-east" }).hover();
    await expect.poll(() => page.locator(".cm-tooltip-hover").textContent(), { timeout: 10_000 }).toContain("vm-east");
    await page.mouse.move(0, 0);

    // Completion of a property inside an office block.
    const inOffice = text.indexOf("    address 10.3.0.1");
    await page.evaluate(`scncPlayground.replace(${inOffice}, ${inOffice}, ${JSON.stringify("    vo\n")})`);
    await page.evaluate(`scncPlayground.cursor(${inOffice + "    vo".length})`);
    await page.keyboard.press("Control+Space");
    await expect.poll(() => page.locator(".cm-tooltip-autocomplete").textContent(), { timeout: 10_000 }).toContain("voicemail");
    await page.keyboard.press("Escape");
    await page.evaluate(`scncPlayground.replace(${inOffice}, ${inOffice + "    vo\n".length}, "")`);
    expect(await playgroundText(watched)).toBe(text);

    // Rename the distributed server everywhere (F2).
    await page.evaluate(`scncPlayground.cursor(${text.indexOf("server vm-east") + "server vm-".length})`);
    await page.keyboard.press("F2");
    const input = page.locator(".cm-lsp-rename-panel input");
    await input.fill("vm-west");
    await input.press("Enter");
    await expect.poll(() => playgroundText(watched)).toBe(text.replace(/vm-east\b(?!\.)/g, "vm-west"));

    // Formatting (Shift-Alt-F) gives what scnc fmt gives.
    const messy = (await playgroundText(watched)).replace("release 6.0 ", "release     6.0 ");
    await page.evaluate(`scncPlayground.replace(0, scncPlayground.text().length, ${JSON.stringify(messy)})`);
    await page.evaluate("scncPlayground.cursor(0)");
    await page.keyboard.press("Shift+Alt+f");
    const formatted = await runCli(["fmt", "-"], { stdin: messy });
    expect(formatted.code, formatted.stderr).toBe(0);
    await expect.poll(() => playgroundText(watched)).toBe(formatted.stdout);
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it("the Devices tab shows exactly what scnc build writes, JSON and checklists", async () => {
    const watched = await open();
    await showTab(watched, "Devices");
    const shown = await watched.page.$$eval("pre[data-path]", (nodes) => nodes.map((node) => [node.getAttribute("data-path"), node.textContent] as const));
    const directory = mkdtempSync(path.join(os.tmpdir(), "scnc-playground-"));
    try {
      for (const format of ["json", "checklist"]) {
        const run = await runCli(["build", "examples/acme.scn", "-o", path.join(directory, format), "--format", format]);
        expect(run.code, run.stderr).toBe(0);
      }
      const written = new Map<string, string>();
      for (const format of ["json", "checklist"]) {
        for (const kind of ["offices", "servers"]) {
          for (const name of readdirSync(path.join(directory, format, kind))) written.set(`${kind}/${name}`, readFileSync(path.join(directory, format, kind, name), "utf8"));
        }
      }
      expect(new Map(shown)).toEqual(written);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    await watched.page.close();
  });

  it("draws the graph, tabulates the failures and the licences, and offers the report", async () => {
    const watched = await open();
    await showTab(watched, "Graph");
    await watched.page.waitForSelector("#panel-graph svg");
    const names = await watched.page.$$eval("#panel-graph svg text", (nodes) => nodes.map((node) => node.textContent));
    for (const device of ["hq", "dr", "east", "branch", "vm-hq", "vm-dr", "vm-east"]) expect(names).toContain(device);
    await showTab(watched, "Failures");
    expect(await watched.page.$$eval("#panel-failures table.matrix tbody tr", (rows) => rows.length)).toBe(36);
    await showTab(watched, "Licences");
    expect(await watched.page.$$eval("#panel-licences table tbody tr", (rows) => rows.length)).toBeGreaterThan(0);
    await showTab(watched, "Report");
    const download = watched.page.waitForEvent("download");
    await watched.page.getByRole("button", { name: "Download the report" }).click();
    const file = await (await download).path();
    const report = readFileSync(file, "utf8");
    expect(report).toContain("<h1>Voicemail network Acme: handover report</h1>");
    expect(report).toContain("<svg");
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([]);
    await watched.page.close();
  });

  it("the share link reopens the same document", async () => {
    const first = await open();
    const text = (await playgroundText(first)).replace('network "Acme"', 'network "Shared Acme"');
    await first.page.evaluate(`scncPlayground.replace(0, scncPlayground.text().length, ${JSON.stringify(text)})`);
    await first.page.getByRole("button", { name: "Share link" }).click();
    const link = await first.page.inputValue("#share-link");
    expect(link).toMatch(/#scn=[A-Za-z0-9_-]+$/);
    await first.page.close();
    const second = await open(link.slice(link.indexOf("#")));
    expect(await playgroundText(second)).toBe(text);
    await second.page.close();
  });

  it("works from file://", async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`file://${dist}/index.html`);
    await page.waitForFunction("Number(document.body.dataset.published) > 0 && Number(document.body.dataset.views) > 0");
    await page.getByRole("tab", { name: "Graph" }).click();
    await page.waitForSelector("#panel-graph svg");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("has no serious or critical accessibility violation (axe-core)", async () => {
    const watched = await open();
    expect(await seriousViolations(watched.page)).toEqual([]);
    await showTab(watched, "Failures");
    expect(await seriousViolations(watched.page)).toEqual([]);
    await watched.page.close();
  });
});
