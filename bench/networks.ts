// Realistic, clean networks for the throughput and batch benchmarks: what a partner's repository of
// customer networks looks like. Each network has the SCN maximum of offices (32 at R5.0+), a central
// and a backup server, distributed servers for the outlying regions, a fallback office linked
// directly to the central office, licences that match each office's role and features, comments,
// and links with group ids, laid out as regional hubs so every office is within four hops.
// `networkText(seed)` is deterministic: the same seed gives the same text on every machine.
// `generateNetwork(offices, layout)` makes the huge networks of the scaling benchmark.

/** A deterministic pseudo-random sequence (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = [
  "aberdeen", "bristol", "cardiff", "derby", "exeter", "falkirk", "glasgow", "hull", "inverness", "jarrow",
  "kendal", "leeds", "morley", "newport", "oxford", "perth", "quarry-bank", "reading", "swansea", "truro",
  "ullapool", "vale", "wigan", "york", "zennor", "ayr", "bath", "crewe", "dover", "ely", "frome", "goole",
];
const COMPANIES = ["Acme", "Calder", "Meridian", "Northwind", "Harbour", "Pennine", "Solent", "Tamar"];
// Adjacent major releases only: offices more than one apart are unsupported (release-interoperation).
const RELEASES = ["10.0", "10.1", "11.0", "11.1"];

/** Offices per network; the SCN limit from R5.0. */
export const OFFICES_PER_NETWORK = 32;

/** One clean 32-office network; `seed` varies names, addresses, sizes, releases and features. */
export function networkText(seed: number): string {
  const next = random(seed * 7919 + 17);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const company = `${pick(COMPANIES)} ${seed}`;
  const domain = `${pick(COMPANIES).toLowerCase()}${seed}.example`;
  const net = (64 + (seed % 128)) & 255;
  const lines = [
    `// ${company}: ${OFFICES_PER_NETWORK} sites on one SCN, generated for the benchmarks (seed ${seed}).`,
    `network "${company}" {`,
    `  release ${pick(RELEASES)}                 // every office and server unless it says otherwise`,
    `  voicemail-password env "VM_PASSWORD_${seed}"`,
    "",
    `  server vm-central { role central  address 10.${net}.0.20  platform linux  mail-domain "vm-central.${domain}"  failback automatic ${1 + Math.floor(next() * 60)} }`,
    `  server vm-backup  { role backup   address 10.${net}.1.20  platform linux  mail-domain "vm-backup.${domain}" }`,
    `  server vm-north   { role distributed  address 10.${net}.2.20  mail-domain "vm-north.${domain}" }`,
    `  server vm-south   { role distributed  address 10.${net}.3.20  mail-domain "vm-south.${domain}" }`,
    "",
    "  office head-office {",
    "    role central",
    `    address 10.${net}.0.1`,
    `    users ${150 + Math.floor(next() * 100)}`,
    "    uses ums",
    "    licenses { preferred-edition  voicemail-ports 12  ums 60 }",
    "  }",
    "  office dr-site {                  // takes over vm-central when the head office fails",
    "    role fallback",
    `    address 10.${net}.1.1`,
    `    users ${40 + Math.floor(next() * 40)}`,
    "    uses ums",
    "    licenses { preferred-edition  voicemail-ports 12  ums 30 }",
    "  }",
  ];
  const hubs = ["north-hub", "south-hub", "east-hub"];
  // Offices 0-2 are the hubs; the rest hang off a hub, the first regions on distributed servers.
  const branches: { name: string; hub: string }[] = [];
  for (let index = 0; index < OFFICES_PER_NETWORK - 2; index++) {
    const name = index < hubs.length ? (hubs[index] as string) : `${TOWNS[index % TOWNS.length]}-${index}`;
    const hub = index < hubs.length ? "head-office" : (hubs[index % hubs.length] as string);
    const server = hub === "north-hub" || name === "north-hub" ? "vm-north" : hub === "south-hub" || name === "south-hub" ? "vm-south" : undefined;
    const block = [`  office ${name} {`, `    address 10.${net}.${10 + index}.1`, `    users ${5 + Math.floor(next() * 15)}`];
    if (next() < 0.15) block.push(`    release ${pick(["10.1", "11.0"])}`);
    if (server) {
      block.push(`    voicemail ${server}`);
      const tts = next() < 0.3;
      if (tts) block.push("    uses tts");
      block.push(`    licenses { preferred-edition  voicemail-ports ${1 + Math.floor(next() * 4)}${tts ? "  tts 2" : ""} }`);
    }
    block.push("  }");
    lines.push(...block);
    branches.push({ name, hub });
  }
  lines.push("", "  link head-office -- dr-site { group-id 100 }   // the resilient central-fallback line");
  branches.forEach((branch, index) => {
    lines.push(`  link ${branch.hub} -- ${branch.name} { group-id ${200 + index} }`);
  });
  lines.push("}", "");
  return lines.join("\n");
}

export type Layout = "chain" | "star" | "random-tree";
export const LAYOUTS: readonly Layout[] = ["chain", "star", "random-tree"];

function address(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/** The office that office `index` (≥ 1; office 0 is the central office) links to. */
function parentOf(layout: Layout, index: number, next: () => number): number {
  if (layout === "chain") return index - 1;
  if (layout === "star") return 0;
  return Math.floor(next() * index);
}

/** A network of `offices` offices whose links form the layout, each link with group id = its number. */
export function generateNetwork(offices: number, layout: Layout): string {
  const next = random(offices * 31 + layout.length);
  const lines = [
    `network "Scale ${layout} ${offices}" {`,
    "  release 11.1",
    '  voicemail-password env "SCALE_VM_PASSWORD"',
    '  server vm-hq { role central address 172.16.0.10 mail-domain "vm-hq.scale.example" }',
    '  server vm-dr { role backup address 172.16.0.11 mail-domain "vm-dr.scale.example" }',
    "  office o0 { role central address 10.255.255.254 users 50 licenses { preferred-edition voicemail-ports 8 } }",
  ];
  for (let index = 1; index < offices; index++) lines.push(`  office o${index} { address ${address(index)} users 5 }`);
  for (let index = 1; index < offices; index++) {
    lines.push(`  link o${parentOf(layout, index, next)} -- o${index} { group-id ${index} }`);
  }
  lines.push("}", "");
  return lines.join("\n");
}
