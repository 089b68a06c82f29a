/**
 * `npm run fuzz`: the fuzz properties of test/fuzz/properties.ts with random seeds, for as long as
 * asked. Each failure prints its seed, the replay path and the shrunk input; `--seed S --path P`
 * replays it exactly. docs/fuzzing.md describes both modes.
 *
 *   npm run fuzz -- --seconds 300
 *   npm run fuzz -- --property build,format --seconds 120
 *   npm run fuzz -- --property front-end --seed 1234 --path "17:3:0"
 *   npm run fuzz -- --list
 */
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { describeInput, PROPERTIES, propertiesByName, type FuzzProperty } from "../test/fuzz/properties.js";

/** A property gets a new seed at least this often, so a long run explores more than one stream. */
const ROUND_SECONDS = 60;
/** The shortest round: enough for a few cases of the slowest property (one that starts Node). */
const MIN_ROUND_MS = 500;

interface Tally {
  cases: number;
  milliseconds: number;
  rounds: number;
  failure?: string;
}

function usage(message: string): never {
  process.stderr.write(`fuzz: ${message}\nusage: npm run fuzz -- [--seconds N] [--property NAME[,NAME…]] [--seed S [--path P]] [--list]\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    property: { type: "string", multiple: true },
    seed: { type: "string" },
    path: { type: "string" },
    runs: { type: "string" },
    list: { type: "boolean", default: false },
  },
});

if (values.list) {
  for (const property of PROPERTIES) process.stdout.write(`${property.name.padEnd(26)} ${property.claim}\n`);
  process.exit(0);
}

const names = (values.property ?? []).flatMap((value) => value.split(",")).map((name) => name.trim()).filter((name) => name !== "");
for (const name of names) if (!propertiesByName.has(name)) usage(`no property is named '${name}' (--list shows them)`);
const selected = names.length > 0 ? names.map((name) => propertiesByName.get(name) as FuzzProperty<unknown>) : PROPERTIES;
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0) usage(`--seconds ${values.seconds}: give a positive number`);
if (values.path !== undefined && values.seed === undefined) usage("--path replays a failure of a given --seed; give both");
const fixedSeed = values.seed === undefined ? undefined : Number(values.seed);
if (fixedSeed !== undefined && !Number.isInteger(fixedSeed)) usage(`--seed ${values.seed}: give an integer`);

function report(property: FuzzProperty<unknown>, details: fc.RunDetails<[unknown]>): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const replay = `npm run fuzz -- --property ${property.name} --seed ${details.seed} --path "${details.counterexamplePath}"`;
  return [
    `✗ ${property.name}: ${property.claim}`,
    `  seed ${details.seed}, path ${details.counterexamplePath}, failed after ${details.numRuns} cases, shrunk ${details.numShrinks} times${details.interrupted ? " (cut short by the time limit; the replay shrinks no further)" : ""}`,
    `  replay: ${replay}`,
    "  shrunk input:",
    describeInput(details.counterexample?.[0]).replace(/^/gm, "    "),
    "  what went wrong:",
    error.replace(/^/gm, "    "),
  ].join("\n");
}

async function round(property: FuzzProperty<unknown>, tally: Tally, budgetMs: number): Promise<void> {
  const seed = fixedSeed ?? randomInt(2 ** 31 - 1);
  const started = performance.now();
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  let details: fc.RunDetails<[unknown]>;
  try {
    details = await fc.check(fc.asyncProperty(property.inputs, async (input) => property.check(input)), {
      seed,
      ...(values.path !== undefined ? { path: values.path } : {}),
      numRuns: runs ?? (fixedSeed !== undefined ? property.runs : Number.MAX_SAFE_INTEGER),
      ...(runs === undefined && fixedSeed === undefined ? { interruptAfterTimeLimit: budgetMs } : {}),
    });
  } catch (error) {
    // Thrown while generating an input, not by the property: a bug in a generator.
    tally.rounds++;
    tally.failure = `✗ ${property.name}: a generator threw (seed ${seed}; replay with --seed ${seed}):\n${(error as Error).stack ?? String(error)}`;
    process.stdout.write(`${tally.failure}\n\n`);
    return;
  }
  const elapsed = performance.now() - started;
  tally.cases += details.numRuns;
  tally.milliseconds += elapsed;
  tally.rounds++;
  // A failure found late in a round may have its shrinking cut short by the round's time limit
  // (interrupted, yet with a counterexample): it is still a failure, reported as far as it shrank.
  if (details.failed && details.counterexample !== null) {
    tally.failure = report(property, details);
    process.stdout.write(`${tally.failure}\n\n`);
  } else {
    process.stdout.write(`✓ ${property.name}: ${details.numRuns} cases in ${(elapsed / 1000).toFixed(1)} s (seed ${seed})\n`);
  }
}

/** The bundled-cli property compares ./bin/scnc with the source: build the bundle from the source first. */
function buildBundle(): void {
  if (!selected.some((property) => property.name === "bundled-cli")) return;
  const built = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  if (built.status !== 0) usage("could not build dist/ for the bundled-cli property");
}

async function fuzz(): Promise<number> {
  buildBundle();
  const tallies = new Map(selected.map((property) => [property.name, { cases: 0, milliseconds: 0, rounds: 0 } as Tally]));
  const deadline = performance.now() + seconds * 1000;
  process.stdout.write(fixedSeed === undefined
    ? `fuzzing ${selected.length} properties for ${seconds} s with random seeds\n`
    : `replaying ${selected.length} properties with seed ${fixedSeed}${values.path ? ` and path ${values.path}` : ""}\n`);
  // Round-robin: every property gets its share of the time, in rounds of at most ROUND_SECONDS.
  for (let pass = 0; ; pass++) {
    const active = selected.filter((property) => !tallies.get(property.name)?.failure);
    if (active.length === 0) break;
    // Each pass gives every property the same share; a later pass shorter than a second is not
    // worth it, but the first always runs, so a short --seconds still checks every property.
    const share = Math.min(ROUND_SECONDS * 1000, (deadline - performance.now()) / active.length);
    if (fixedSeed === undefined && share < 1000 && pass > 0) break;
    for (const property of active) await round(property, tallies.get(property.name) as Tally, Math.max(share, MIN_ROUND_MS));
    if (fixedSeed !== undefined) break;
  }
  let cases = 0;
  let milliseconds = 0;
  process.stdout.write("\nproperty                   cases     seconds  result\n");
  for (const [name, tally] of tallies) {
    cases += tally.cases;
    milliseconds += tally.milliseconds;
    const result = tally.failure ? "FAILED" : tally.cases === 0 ? "no cases (give more --seconds)" : "ok";
    process.stdout.write(`${name.padEnd(26)} ${String(tally.cases).padStart(7)} ${(tally.milliseconds / 1000).toFixed(1).padStart(10)}  ${result}\n`);
  }
  const failed = [...tallies.values()].filter((tally) => tally.failure).length;
  // A property that checked nothing proves nothing: the run does not pass.
  const idle = [...tallies.values()].filter((tally) => !tally.failure && tally.cases === 0).length;
  const verdict = failed > 0 ? `${failed} failed` : idle > 0 ? `${idle} checked nothing` : "ok";
  process.stdout.write(`${"total".padEnd(26)} ${String(cases).padStart(7)} ${(milliseconds / 1000).toFixed(1).padStart(10)}  ${verdict}\n`);
  return failed === 0 && idle === 0 ? 0 : 1;
}

process.exitCode = await fuzz();
