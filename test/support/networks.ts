/**
 * Builds `.scn` test networks so each test shows only what matters. Layout is fixed so tests can
 * name lines: line 1 `network "Test" {`, then one line each for the network properties, servers,
 * offices and links, in that order, then `}`.
 */
export interface NetworkParts {
  /** The network's release; null leaves it out. */
  readonly release?: string | null;
  /** Extra network-level lines, e.g. `voicemail-password env "VM"`. */
  readonly properties?: readonly string[];
  readonly servers?: readonly string[];
  readonly offices?: readonly string[];
  readonly links?: readonly string[];
}

export const centralServer = "server vm-hq { role central address 10.0.0.10 }";
export const centralOffice = "office hq { role central address 10.0.0.1 licenses { preferred-edition } }";

export function network(parts: NetworkParts = {}): string {
  const release = parts.release === undefined ? "6.0" : parts.release;
  const lines = [
    'network "Test" {',
    ...(release === null ? [] : [`  release ${release}`]),
    ...(parts.properties ?? []).map((line) => `  ${line}`),
    ...(parts.servers ?? [centralServer]).map((line) => `  ${line}`),
    ...(parts.offices ?? [centralOffice]).map((line) => `  ${line}`),
    ...(parts.links ?? []).map((line) => `  ${line}`),
    "}",
  ];
  return lines.join("\n") + "\n";
}

/**
 * A clean network whose every name is used before it is declared (links first, servers last):
 * references resolve across the whole file, not only backwards.
 */
export const declaredAfterUse = [
  'network "Test" {',
  "  release 6.0",
  "  link east -- hq { group-id 1 }",
  "  office east { voicemail vm-east }",
  "  office hq { role central licenses { preferred-edition } }",
  "  server vm-east { role distributed }",
  "  server vm-hq { role central }",
  "}",
  "",
].join("\n");

/** A network whose group ids (0 and 95000) only configured rules care about: two customer
 * directories that grade it differently in their scnc.json give different diagnostics. */
export const GROUP_ID_NETWORK = [
  'network "C" {',
  "  release 6.0",
  "  server vm-hq { role central address 10.0.0.10 }",
  "  office hq { role central address 10.0.0.1 licenses { preferred-edition } }",
  "  office a { address 10.0.0.2 }",
  "  office b { address 10.0.0.3 }",
  "  link hq -- a { group-id 0 }",
  "  link hq -- b { group-id 95000 }",
  "}",
  "",
].join("\n");
