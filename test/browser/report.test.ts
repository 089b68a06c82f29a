import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { matrixDevices } from "../../src/simulate/matrix.js";
import { browserTestsEnabled, launchBrowser, pngVariety, seriousViolations, watchedPage, type BrowserSession } from "../support/browser.js";
import { repositoryRoot, runCli } from "../support/cli.js";

// The report of examples/acme.scn in headless Chromium: it renders without a console error and
// without a single request beyond the page itself, draws every device, and has the whole matrix.
const URL_OF_REPORT = "http://scnc-report.invalid/acme.html";
const acme = checkText(readFileSync(path.join(repositoryRoot, "examples/acme.scn"), "utf8")).network;

describe.skipIf(!browserTestsEnabled)("the report in a browser", () => {
  let session: BrowserSession;
  let html: string;
  beforeAll(async () => {
    const run = await runCli(["report", "examples/acme.scn"]);
    expect(run.code, run.stderr).toBe(0);
    html = run.stdout;
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open() {
    const watched = await watchedPage(session.context, new Map([[URL_OF_REPORT, { body: html, contentType: "text/html; charset=utf-8" }]]));
    await watched.page.goto(URL_OF_REPORT, { waitUntil: "load" });
    return watched;
  }

  it("renders with no console error and no request other than the page", async () => {
    const { page, errors, requests } = await open();
    await page.waitForSelector("main svg");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("names every office and server in the drawing", async () => {
    const { page } = await open();
    const texts = await page.$$eval("main svg text", (nodes) => nodes.map((node) => node.textContent ?? ""));
    for (const device of [...acme.offices, ...acme.servers]) expect(texts, device.name).toContain(device.name);
    await page.close();
  });

  it("shows offices × failures cells in the survivability matrix", async () => {
    const { page } = await open();
    const devices = matrixDevices(acme).length;
    const failures = devices + (devices * (devices - 1)) / 2;
    expect(await page.$$eval("table.matrix tbody tr", (rows) => rows.length)).toBe(failures);
    expect(await page.$$eval("table.matrix tbody td.status", (cells) => cells.length)).toBe(failures * acme.offices.length);
    expect(await page.$$eval("table.matrix thead th", (cells) => cells.map((cell) => cell.textContent))).toEqual(["Failed", ...acme.offices.map((office) => office.name), "Accepted because"]);
    await page.close();
  });

  it("is not blank on screen, and prints one section per page", async () => {
    const { page } = await open();
    const screenshot = await page.screenshot({ fullPage: false });
    expect(pngVariety(screenshot)).toBeGreaterThan(32);
    await page.emulateMedia({ media: "print" });
    // The test code has no DOM types: these run in the page.
    expect(await page.evaluate('getComputedStyle(document.querySelector("nav")).display')).toBe("none");
    expect(await page.evaluate('getComputedStyle(document.querySelector("#topology")).breakBefore')).toBe("page");
    await page.close();
  });

  it("has no serious or critical accessibility violation (axe-core)", async () => {
    const { page } = await open();
    const violations = await seriousViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });
});
