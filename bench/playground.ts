// The playground (npm run playground): what a visitor downloads, gzipped, and the latency from a
// keystroke to its diagnostics on screen, measured in headless Chromium (Debian's chromium, as the
// browser tests use it) on a 32-office network.
import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { encodeShared } from "../playground/src/share.js";
import { buildPlayground } from "../scripts/playground.mjs";
import { launchBrowser, watchedPage } from "../test/support/browser.js";
import { root } from "./bundle.js";
import { networkText, OFFICES_PER_NETWORK } from "./networks.js";
import type { Benchmark } from "./run.js";
import { median, percentile } from "./statistics.js";

const BUDGET_BYTES = 1.5 * 1024 * 1024;
const FRAME_MS = 16;
const ORIGIN = "http://scnc-playground.invalid/";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

function gzipped(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

interface Latencies {
  readonly keystrokes: number[];
  readonly roundTrips: number[];
}

/** Each sample: one edit of a digit, from the transaction to the diagnostics' dispatch (the page
 * bumps body[data-published] right after it), then a bare request round trip to the worker. */
async function measureLatency(dist: string, samples: number): Promise<Latencies> {
  const files = new Map(readdirSync(dist).map((name) => [ORIGIN + name, { body: readFileSync(path.join(dist, name)), contentType: TYPES[path.extname(name)] ?? "application/octet-stream" }]));
  const session = await launchBrowser();
  try {
    const { page, requests } = await watchedPage(session.context, files);
    await page.goto(`${ORIGIN}index.html${encodeShared(networkText(1))}`, { waitUntil: "load" });
    await page.waitForFunction("Number(document.body.dataset.published) > 0");
    const result = await page.evaluate(`(async (samples) => {
      const playground = globalThis.scncPlayground;
      const published = () => new Promise((resolve) => {
        const start = document.body.dataset.published;
        const observer = new MutationObserver(() => {
          if (document.body.dataset.published !== start) { observer.disconnect(); resolve(); }
        });
        observer.observe(document.body, { attributes: true, attributeFilter: ["data-published"] });
      });
      const keystrokes = [], roundTrips = [];
      const at = playground.text().indexOf("group-id ") + "group-id ".length;
      for (let index = 0; index < samples + 10; index++) {
        const digit = playground.text()[at] === "1" ? "2" : "1";
        const shown = published();
        const start = performance.now();
        playground.replace(at, at + 1, digit);
        await shown;
        const keystroke = performance.now() - start;
        const trip = performance.now();
        await playground.roundTrip();
        const roundTrip = performance.now() - trip;
        if (index >= 10) { keystrokes.push(keystroke); roundTrips.push(roundTrip); }
      }
      return { keystrokes, roundTrips };
    })(${samples})`) as Latencies;
    if (requests.length > 0) throw new Error(`the playground asked for ${requests.join(", ")}`);
    return result;
  } finally {
    await session.close();
  }
}

export const playgroundBenchmark: Benchmark = {
  name: "playground",
  about: "The browser playground (`npm run playground`, docs/playground.md). Size: every file of playground/dist/, gzipped " +
    "(level 9), against the budget of 1.5 MB that includes Graphviz's WebAssembly (graphviz.js, loaded only when a drawing " +
    "is first needed); the first load is the rest. Latency: in headless Chromium, edits of one digit of a group id in a " +
    `${OFFICES_PER_NETWORK}-office network (bench/networks.ts), from the editor transaction to the language server's diagnostics ` +
    "(and their quick fixes) dispatched to the editor, after 10 warm-up edits, against a bare request round trip to the worker. " +
    "Budget: p95 under 16 ms, one frame.",
  async run() {
    await buildPlayground();
    const dist = path.join(root, "playground/dist");
    const sizes = new Map(readdirSync(dist).map((name) => [name, gzipped(path.join(dist, name))]));
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    const lazy = sizes.get("graphviz.js") ?? 0;
    const latencies = await measureLatency(dist, 100);
    const p95 = percentile(latencies.keystrokes, 0.95);
    const trip = median(latencies.roundTrips);
    return [
      {
        name: "playground/dist gzipped, Graphviz included, against the 1.5 MB budget",
        ratio: total / BUDGET_BYTES,
        budget: { text: "< 1.5 MB gzipped", met: total < BUDGET_BYTES },
        detail: `total ${kilobytes(total)}: first load ${kilobytes(total - lazy)} (${[...sizes].filter(([name]) => name !== "graphviz.js").map(([name, size]) => `${name} ${kilobytes(size)}`).join(", ")}), ` +
          `Graphviz on demand ${kilobytes(lazy)}`,
      },
      {
        name: `keystroke → diagnostics shown in the playground on a ${OFFICES_PER_NETWORK}-office network, against a worker round trip`,
        ratio: median(latencies.keystrokes) / trip,
        budget: { text: `p95 < ${FRAME_MS} ms`, met: p95 < FRAME_MS },
        detail: `keystroke median ${median(latencies.keystrokes).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; round trip median ${trip.toFixed(2)} ms; ` +
          `${latencies.keystrokes.length} samples`,
      },
    ];
  },
};
