import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import axe from "axe-core";
import type { BrowserContext, Page } from "playwright-core";

/**
 * Headless Chromium for the browser tests: Debian's `chromium` driven by playwright-core (nothing
 * downloads a browser). SCNC_BROWSER_TESTS=required (CI sets it) makes them required: a missing
 * browser fails them. SCNC_BROWSER_TESTS=1 runs them when the browser is there. Otherwise they
 * skip, and say how to enable them.
 */
export const CHROMIUM = process.env.SCNC_CHROMIUM ?? "/usr/bin/chromium";
const setting = process.env.SCNC_BROWSER_TESTS ?? "";
export const browserTestsRequired = setting === "required";
export const browserTestsEnabled = browserTestsRequired || ((setting === "1" || setting === "true") && existsSync(CHROMIUM));

if (!browserTestsEnabled && process.env.VITEST) {
  console.log(`browser tests skipped: set SCNC_BROWSER_TESTS=1 to run them (needs ${CHROMIUM}: apt-get install -y chromium); CI sets SCNC_BROWSER_TESTS=required`);
}

const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export interface BrowserSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A browser with a fresh profile (--user-data-dir in a new temporary directory), removed on close. */
export async function launchBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`SCNC_BROWSER_TESTS=required but ${CHROMIUM} is missing: apt-get install -y chromium`);
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(path.join(os.tmpdir(), "scnc-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: "block",
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions, as text. */
  readonly errors: string[];
  /** Every request that left the page other than those it was allowed (each is refused). */
  readonly requests: string[];
}

/**
 * A page whose every request is routed: `documents` (URL → HTML) are served, anything else is
 * recorded and aborted, so a test can assert that a page asks for nothing.
 */
export async function watchedPage(context: BrowserContext, documents: ReadonlyMap<string, { body: string | Buffer; contentType: string }>): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    const document = documents.get(url);
    if (document) await route.fulfill({ status: 200, contentType: document.contentType, body: document.body });
    else {
      requests.push(url);
      await route.abort();
    }
  });
  return { page, errors, requests };
}

/** Whether a PNG screenshot shows something: its decoded pixel bytes take many values (a blank
 * page is one colour). Reads IDAT chunks only; enough for Chromium's screenshots. */
export function pngVariety(png: Buffer): number {
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    if (type === "IDAT") chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(chunks));
  const values = new Set<number>();
  for (const byte of pixels) values.add(byte);
  return values.size;
}

/** The serious and critical accessibility violations axe-core finds in the page, one line each
 * (rule id and the first few elements). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(`axe.run(document).then((result) => result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => violation.id + ": " + violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")))`);
}
