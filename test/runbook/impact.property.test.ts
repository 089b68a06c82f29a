import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { compileNetwork } from "../../src/compile/compile.js";
import { renderOutput } from "../../src/compile/output.js";
import type { Network } from "../../src/ir/types.js";
import { buildRunbook } from "../../src/runbook/build.js";
import type { Runbook, RunbookStep } from "../../src/runbook/model.js";
import { changesFrom } from "../../src/runbook/previous-build.js";
import { failedOffice, failedServer, failureSet, type FailedDevice } from "../../src/simulate/failures.js";
import { simulate } from "../../src/simulate/simulate.js";
import { writeLayout } from "../support/arbitraries/layout.js";
import { networkTree } from "../support/arbitraries/network-tree.js";
import { networkModel } from "../support/arbitraries/realistic-network.js";
import { schemaValidator } from "../support/json-schema.js";

/**
 * On generated networks: every step's service impact is what `simulate` says for the same
 * intermediate state (the step's devices down, the devices not yet in service down too), compared
 * with the state just before the step; a step that takes nothing down costs nothing; and a runbook
 * --from the network's own build has no step.
 */

const validate = schemaValidator(new URL("../../schemas/runbook.schema.json", import.meta.url));

function checked(text: string): Network {
  const { network, diagnostics } = checkText(text);
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return network;
}

function failed(network: Network, names: readonly string[]): FailedDevice[] {
  return names.map((name) => {
    const device = network.devicesByName.get(name);
    if (device?.kind === "office") return failedOffice(device);
    if (device?.kind === "server") return failedServer(device);
    throw new Error(`impact names '${name}', which the network does not declare`);
  });
}

/** What the step's impact should list, straight from the simulator. */
function expectedAffected(network: Network, step: RunbookStep): { office: string; status: string }[] {
  const { takesDown, notYetInService } = step.impact;
  const before = simulate(network, failureSet(failed(network, notYetInService)), { notes: false });
  const during = simulate(network, failureSet(failed(network, [...takesDown, ...notYetInService])), { notes: false });
  return during.offices
    .filter((outcome, index) => outcome.status !== "served" && outcome.status !== "down"
      && before.offices[index]?.status !== outcome.status)
    .map((outcome) => ({ office: outcome.office.name, status: outcome.status }));
}

function steps(runbook: Runbook): RunbookStep[] {
  return runbook.phases.flatMap((phase) => phase.steps);
}

const texts = networkModel.map((model) => writeLayout(networkTree(model), { kind: "tidy", seed: 0, crlf: false, suppressions: false }).text);

describe("the runbook's impacts agree with simulate", () => {
  it("on every step of a whole runbook, in the state the runbook has reached there", () => {
    fc.assert(fc.property(texts, (text) => {
      const network = checked(text);
      const runbook = buildRunbook({ network, compiled: compileNetwork(network, { password: null }), text });
      expect(validate(JSON.parse(JSON.stringify(runbook)))).toEqual([]);
      const all = steps(runbook);
      expect(all.map((step) => step.number)).toEqual(all.map((_, index) => index + 1));
      for (const step of all) {
        expect(step.impact.affected.map(({ office, status }) => ({ office, status })), step.id).toEqual(expectedAffected(network, step));
        if (step.impact.takesDown.length === 0) expect(step.impact.affected, step.id).toEqual([]);
        // A device is never both restarting and not yet in service.
        expect(step.impact.takesDown.filter((name) => step.impact.notYetInService.includes(name))).toEqual([]);
      }
      // Each office that reboots does so once.
      const reboots = all.filter((step) => step.section === "send" && step.changeClass === "reboot").map((step) => step.device.name);
      expect(new Set(reboots).size).toBe(reboots.length);
    }), { numRuns: 60 });
  });

  it("on a change that reboots every office of a running network (--from a build whose Voicemail Types differ)", () => {
    let costly = 0;
    fc.assert(fc.property(texts, (text) => {
      const network = checked(text);
      const compiled = compileNetwork(network, { password: null });
      const output = renderOutput(compiled, { format: "json", scncVersion: "test", secretsResolved: false });
      // What is deployed: the same build, but every office on another Voicemail Type.
      const files = new Map([...output.devices, output.manifest].map((file) => {
        if (!file.path.startsWith("offices/")) return [file.path, file.content] as const;
        const document = JSON.parse(file.content) as { voicemail: { voicemailType: string } };
        return [file.path, JSON.stringify({ ...document, voicemail: { ...document.voicemail, voicemailType: "Voicemail Lite" } })] as const;
      }));
      const existing = { manifestText: output.manifest.content, ownedPaths: output.devices.map((file) => file.path), files };
      const runbook = buildRunbook({ network, compiled, text, changes: changesFrom(existing, compiled) });
      expect(validate(JSON.parse(JSON.stringify(runbook)))).toEqual([]);
      const all = steps(runbook);
      const reboots = all.filter((step) => step.section === "send" && step.changeClass === "reboot").map((step) => step.device.name);
      expect([...reboots].sort()).toEqual(compiled.offices.map((office) => office.name).sort());
      for (const step of all) {
        expect(step.impact.affected.map(({ office, status }) => ({ office, status })), step.id).toEqual(expectedAffected(network, step));
        if (step.impact.affected.length > 0) costly++;
      }
      expect(runbook.officeOrder.offices).toEqual(reboots);
      // Every office is in service, so each restart costs the same whenever it comes: the simulator's
      // order takes the cheapest first.
      const costs = all.filter((step) => step.section === "send" && step.changeClass === "reboot").map((step) => step.impact.affected.length);
      expect(costs).toEqual([...costs].sort((first, second) => first - second));
    }), { numRuns: 60 });
    // Not vacuous: some restarts do cost other offices their voicemail.
    expect(costly).toBeGreaterThan(0);
  });

  it("--from the network's own build: nothing to change", () => {
    fc.assert(fc.property(texts, fc.constantFrom("json" as const, "checklist" as const), (text, format) => {
      const network = checked(text);
      const compiled = compileNetwork(network, { password: null });
      const output = renderOutput(compiled, { format, scncVersion: "test", secretsResolved: false });
      const files = new Map([...output.devices, output.manifest].map((file) => [file.path, file.content]));
      const existing = { manifestText: output.manifest.content, ownedPaths: output.devices.map((file) => file.path), files };
      const runbook = buildRunbook({ network, compiled, text, changes: changesFrom(existing, compiled) });
      expect(runbook.phases).toEqual([]);
      expect(runbook.retired).toEqual([]);
    }), { numRuns: 60 });
  });
});
