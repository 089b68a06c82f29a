// `npm run screenshots`: the pictures in README.md and docs/report.md, taken from the real pages in
// headless Chromium (test/support/browser.ts), so they never drift from what scnc makes.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launchBrowser, watchedPage } from "../test/support/browser.js";
import { buildPlayground } from "./playground.mjs";
import { repositoryRoot, runCli } from "../test/support/cli.js";

const images = path.join(repositoryRoot, "docs/images");

async function reportScreenshot(): Promise<void> {
  const run = await runCli(["report", "examples/acme.scn"]);
  if (run.code !== 0) throw new Error(`scnc report failed: ${run.stderr}`);
  const url = "http://scnc-report.invalid/acme.html";
  const session = await launchBrowser();
  try {
    const { page } = await watchedPage(session.context, new Map([[url, { body: run.stdout, contentType: "text/html; charset=utf-8" }]]));
    await page.setViewportSize({ width: 1200, height: 1100 });
    await page.goto(url, { waitUntil: "load" });
    writeFileSync(path.join(images, "report.png"), await page.screenshot());
    await page.locator("#failures").scrollIntoViewIfNeeded();
    writeFileSync(path.join(images, "report-matrix.png"), await page.locator("#failures").screenshot());
  } finally {
    await session.close();
  }
}

async function playgroundScreenshot(): Promise<void> {
  await buildPlayground();
  const origin = "http://scnc-playground.invalid/";
  const dist = path.join(repositoryRoot, "playground/dist");
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };
  const files = new Map(readdirSync(dist).map((name) => [origin + name, { body: readFileSync(path.join(dist, name)), contentType: types[path.extname(name)] ?? "application/octet-stream" }]));
  const session = await launchBrowser();
  try {
    const { page } = await watchedPage(session.context, files);
    await page.setViewportSize({ width: 1400, height: 860 });
    await page.goto(`${origin}index.html`, { waitUntil: "load" });
    await page.waitForFunction("Number(document.body.dataset.published) > 0 && Number(document.body.dataset.views) > 0");
    await page.getByRole("tab", { name: "Graph" }).click();
    await page.waitForSelector("#panel-graph svg");
    writeFileSync(path.join(images, "playground.png"), await page.screenshot());
  } finally {
    await session.close();
  }
}

await reportScreenshot();
await playgroundScreenshot();
console.log("wrote docs/images/report.png, docs/images/report-matrix.png, docs/images/playground.png");
