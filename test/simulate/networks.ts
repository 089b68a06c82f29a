import { expect } from "vitest";
import { checkText } from "../../src/check.js";
import type { Network } from "../../src/ir/types.js";
import { resolveFailures } from "../../src/simulate/failures.js";
import { simulate, type OfficeOutcome } from "../../src/simulate/simulate.js";

/**
 * Test networks for the failure simulation: a central office hq with server vm-hq, optionally a
 * fallback office dr, a backup server vm-dr, and a distributed office east on vm-east; branch is a
 * plain member. `links` defaults to a mesh in which branch and east reach both hq and dr.
 */
export interface SimulationNetworkParts {
  readonly fallback?: boolean;
  readonly backup?: boolean;
  readonly links?: readonly string[];
  readonly extraOffices?: readonly string[];
}

export const MESH = ["hq -- dr", "hq -- east", "hq -- branch", "dr -- east", "dr -- branch"];
export const STAR = ["hq -- dr", "hq -- east", "hq -- branch"];

export function simulationNetwork(parts: SimulationNetworkParts = {}): string {
  const fallback = parts.fallback ?? true;
  const backup = parts.backup ?? true;
  const links = (parts.links ?? (fallback ? MESH : STAR.filter((link) => !link.includes("dr"))))
    .map((link, index) => `  link ${link} { group-id ${101 + index} }`);
  return [
    'network "Simulation" {',
    "  release 6.0",
    '  voicemail-password env "VM_PASSWORD"',
    '  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }',
    ...(backup ? ['  server vm-dr { role backup address 10.0.1.10 mail-domain "vm-dr.example.com" }'] : []),
    '  server vm-east { role distributed address 10.0.2.10 mail-domain "vm-east.example.com" }',
    "  office hq { role central address 10.0.0.1 licenses { preferred-edition } }",
    ...(fallback ? ["  office dr { role fallback address 10.0.1.1 licenses { preferred-edition } }"] : []),
    "  office east { address 10.0.2.1 voicemail vm-east licenses { preferred-edition } }",
    "  office branch { address 10.0.3.1 }",
    ...(parts.extraOffices ?? []).map((office) => `  ${office}`),
    ...links,
    "}",
    "",
  ].join("\n");
}

/** Every member reaches both the central and the fallback office, a backup server stands by, and
 * no office depends on a distributed server: no single failure costs voicemail answering. The one
 * failure no design survives, the fallback line (a split, S17, S18, S27), is accepted. */
export const RESILIENT = `network "Resilient" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.0.1.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office dr { role fallback address 10.0.1.1 licenses { preferred-edition } }
  office branch { address 10.0.3.1 }
  link hq -- dr { group-id 101 }
  link hq -- branch { group-id 102 }
  link dr -- branch { group-id 103 }
  accept-failure hq--dr "a split is accepted"
}
`;

/** The network, held to having no errors: the simulation only ever runs on such networks. */
export function checkedNetwork(text: string): Network {
  const { network, diagnostics } = checkText(text);
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message)).toEqual([]);
  return network;
}

/** Each office's outcome by name, as plain names for readable assertions. */
export interface Outcome {
  readonly status: OfficeOutcome["status"];
  readonly answeredBy: string | null;
  readonly storedOn: string | null;
  readonly collectedBy: string | null;
  readonly controlledBy: string | null;
  readonly row: string;
  readonly inferred: readonly string[];
  readonly notes: readonly string[];
}

export function outcomes(text: string, failed: readonly string[] = []): Record<string, Outcome> {
  const network = checkedNetwork(text);
  const resolution = resolveFailures(network, failed);
  if (!resolution.ok) throw new Error(resolution.message);
  const result: Record<string, Outcome> = {};
  for (const outcome of simulate(network, resolution.failures).offices) {
    result[outcome.office.name] = {
      status: outcome.status,
      answeredBy: outcome.answeredBy?.name ?? null,
      storedOn: outcome.storedOn?.name ?? null,
      collectedBy: outcome.collectedBy?.name ?? null,
      controlledBy: outcome.controlledBy?.name ?? null,
      row: outcome.row.id,
      inferred: outcome.inferred,
      notes: outcome.notes,
    };
  }
  return result;
}
