// `npm run screenshots`: the pictures in README.md and docs/report.md, taken from the real pages in
// headless Chromium (test/support/browser.ts), so they never drift from what scnc makes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { launchBrowser, watchedPage } from "../test/support/browser.js";
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

await reportScreenshot();
console.log("wrote docs/images/report.png, docs/images/report-matrix.png");
