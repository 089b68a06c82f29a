import fc from "fast-check";
import { describe, it } from "vitest";
import { describeInput, PROPERTIES } from "./properties.js";

// Every fuzz property, seeded, so `npm test` is reproducible: a failure prints the seed, the
// replay path and the shrunk input (npm run fuzz -- --property NAME --seed S --path P replays it).
const SEED = 20_250_601;
const SCALE = Number(process.env.SCNC_FUZZ_SCALE ?? 1);

describe("fuzz properties (fixed seed)", () => {
  for (const property of PROPERTIES) {
    const runs = Math.max(1, Math.round(property.runs * SCALE));
    it(`${property.name}: ${property.claim}`, async () => {
      await fc.assert(fc.asyncProperty(property.inputs, async (input) => property.check(input)), {
        seed: SEED,
        numRuns: runs,
        reporter: (details) => {
          if (!details.failed) return;
          throw new Error(`${property.name} failed (seed ${details.seed}, path ${details.counterexamplePath}, after ${details.numRuns} cases and ${details.numShrinks} shrinks)\n` +
            `${describeInput(details.counterexample?.[0])}\n${String((details.errorInstance as Error)?.message ?? details.errorInstance)}`);
        },
      });
    }, 120_000);
  }
});
