import fc from "fast-check";
import { keywordsByText } from "../../../src/language/tokens.js";

/**
 * Realistic, valid networks: one central office and server, sometimes a fallback office, a backup
 * server and distributed servers, with releases from 4.2 to 12.2 that meet each arrangement's
 * minimum, the licences each role needs, unique names, addresses, mail domains and group ids, and
 * links that keep every office within reach of the central office and within the hop limit (no
 * mesh below 5.0). Every rule is met by construction, so any error the checker reports
 * on one of these is a bug (in the checker or in this model of the rules), and the compiler and
 * the simulator must handle all of them.
 *
 * The model is plain data (a counterexample prints it); network-tree.ts turns it into an item tree
 * for layout.ts to write.
 */

export const RELEASES = ["4.2", "5.0", "6.0", "6.1", "7.0", "8.0", "8.1", "9.0", "9.1", "10.0", "10.1", "11.0", "11.1", "12.0", "12.1", "12.2"] as const;
const R5 = RELEASES.indexOf("5.0");
const R6 = RELEASES.indexOf("6.0");
const R8 = RELEASES.indexOf("8.0");
const majorOf = (release: number): number => Number(RELEASES[release]?.split(".")[0]);

/** The first release of a major (for release-interoperation: offices at most one major apart). */
function firstOfMajor(major: number): number {
  return RELEASES.findIndex((release) => Number(release.split(".")[0]) >= major);
}

export type Feature = "ums" | "contact-store" | "tts";

export interface OfficeModel {
  readonly name: string;
  readonly role: "central" | "fallback" | "member";
  /** Written `role member` rather than left to the default. */
  readonly explicitMember: boolean;
  readonly address?: string;
  /** Index into RELEASES: the release that applies to the office. */
  readonly release: number;
  /** The office writes its own `release` (otherwise it inherits the network's). */
  readonly ownRelease: boolean;
  readonly users?: number;
  readonly voicemail?: string;
  readonly uses: readonly Feature[];
  readonly licenses?: LicensesModel;
}

export interface LicensesModel {
  readonly edition?: "preferred-edition" | "voicemail-pro";
  readonly voicemailPorts?: number;
  readonly ums?: number;
  readonly contactStore?: number;
  readonly tts?: number;
}

export interface ServerModel {
  readonly name: string;
  readonly role: "central" | "backup" | "distributed";
  readonly address?: string;
  readonly version: number;
  readonly ownVersion: boolean;
  readonly mailDomain?: string;
  readonly platform?: "windows" | "linux" | "ucm" | "application-server";
  readonly failback?: { readonly mode: "manual" | "graceful" | "automatic"; readonly minutes?: number };
}

export interface LinkModel {
  readonly from: string;
  readonly to: string;
  readonly groupId: number;
}

export type PasswordModel = { readonly kind: "env"; readonly variable: string } | { readonly kind: "literal"; readonly value: string } | undefined;

export interface NetworkModel {
  /** The network's name as written, quotes and escapes included. */
  readonly name: string;
  /** Index into RELEASES, or undefined when every device states its own. */
  readonly release: number | undefined;
  readonly password: PasswordModel;
  readonly servers: readonly ServerModel[];
  readonly offices: readonly OfficeModel[];
  readonly links: readonly LinkModel[];
  /** Sort keys that shuffle the network's items (declarations may come in any order). */
  readonly order: readonly number[] | undefined;
}

/** Names a valid network cannot give a device: the language's keywords, and the names Windows keeps
 * for devices (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9 in any case: sources S40), which
 * invalid-value refuses because build could not create their files there. */
const reserved = (name: string): boolean => keywordsByText.has(name) || /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i.test(name);

/** Device names: familiar ones, generated ones, and now and then one of the full 63 characters. */
const deviceName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("hq", "dr", "east", "west", "branch", "depot", "london", "paris-2", "site_7", "Works", "field-office", "vm-hq", "vm-dr", "vm_east", "_lab", "A9") },
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,4}){0,2}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}(-[A-Za-z0-9_]{1,6}){0,3}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{9}$/).map((start) => `${start}-${"x".repeat(52)}`) },
).filter((name) => !reserved(name) && name.length <= 63);

const networkName = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('"Acme"', '"Acme Corp (UK)"', '"Head Office & Depots"', '"Ünïcödé GmbH"', '"東京"') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,30}$/).filter((name) => name.trim() !== "").map((name) => `"${name}"`) },
  { weight: 1, arbitrary: fc.constantFrom('"say \\"hi\\""', '"back\\\\slash"', '"tab\there"', '"emoji 😀"') },
);

const password: fc.Arbitrary<PasswordModel> = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/).map((variable) => ({ kind: "env" as const, variable })) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9!#%&*+=?@^_~-]{1,31}$/).map((value) => ({ kind: "literal" as const, value: `Pw-${value}` })) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** Unique, case-insensitively: names become file names on case-insensitive file systems. */
function uniqueNames(count: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(deviceName, { minLength: count, maxLength: count, selector: (name) => name.toLowerCase() });
}

/** IPv4 and IPv6 addresses, each device a different one; now and then a device has none. */
function addresses(count: number): fc.Arbitrary<(string | undefined)[]> {
  const address = fc.oneof(
    { weight: 6, arbitrary: fc.ipV4() },
    { weight: 1, arbitrary: fc.ipV6().map((text) => `"${text}"`) },
  );
  const usable = address.filter((text) => !["255.255.255.255", "0.0.0.0", "::"].includes(canonicalAddress(text)));
  return fc.tuple(fc.uniqueArray(usable, { minLength: count, maxLength: count, selector: canonicalAddress }), fc.array(fc.boolean(), { minLength: count, maxLength: count }))
    .map(([list, absent]) => list.map((text, index) => (absent[index] && index % 5 === 4 ? undefined : text)));
}

function canonicalAddress(written: string): string {
  if (!written.startsWith('"')) return written;
  return new URL(`http://[${written.slice(1, -1)}]/`).hostname.slice(1, -1);
}

interface Shape {
  readonly officeCount: number;
  readonly fallback: boolean;
  readonly backup: boolean;
  /** How many members use a distributed server, and how many distributed servers there are. */
  readonly distributedServers: number;
  readonly lowestRelease: number;
  readonly networkRelease: number | undefined;
  readonly centralPlatform: ServerModel["platform"];
}

const shape: fc.Arbitrary<Shape> = fc.record({
  officeCount: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 9, max: 32 }) }),
  fallback: fc.boolean(),
  backup: fc.boolean(),
  distributedServers: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  lowestRelease: fc.nat(RELEASES.length - 1),
  networkRelease: fc.option(fc.nat(RELEASES.length - 1), { nil: undefined, freq: 5 }),
  centralPlatform: fc.option(fc.constantFrom("windows", "linux", "ucm", "application-server"), { nil: undefined }),
}).map((drawn) => {
  // Only members use distributed servers, and only from 6.0.
  const members = drawn.officeCount - 1 - (drawn.fallback && drawn.officeCount > 1 ? 1 : 0);
  const distributedServers = Math.min(drawn.distributedServers, members);
  let lowestRelease = drawn.lowestRelease;
  // More than 16 systems need every system on 5.0 or later (scn-max-systems).
  if (drawn.officeCount > 16) lowestRelease = Math.max(lowestRelease, R5);
  return {
    ...drawn,
    fallback: drawn.fallback && drawn.officeCount > 1,
    distributedServers,
    lowestRelease,
    // A UCM central server hosts at most 6 systems (ucm-max-systems).
    centralPlatform: drawn.centralPlatform === "ucm" && drawn.officeCount > 6 ? "linux" : drawn.centralPlatform,
  };
});

/** What a release must at least be for a device, from the arrangements it takes part in. */
function officeFloor(shape: Shape, role: OfficeModel["role"], usesDistributed: boolean): number {
  let floor = shape.lowestRelease;
  if (role !== "member" && shape.fallback) floor = Math.max(floor, R5);
  if (role === "central" && (shape.backup || shape.distributedServers > 0)) floor = Math.max(floor, R6);
  if (usesDistributed) floor = Math.max(floor, R6);
  return floor;
}

function serverFloor(shape: Shape, role: ServerModel["role"]): number {
  let floor = 0;
  if (role === "central" && shape.fallback) floor = R5;
  // The central server stores what distributed servers forward (distributed-min-release).
  if (role === "backup" || role === "distributed" || (role === "central" && (shape.backup || shape.distributedServers > 0))) floor = R6;
  return floor;
}

/** The licence name for a release (license-name-for-release). */
function editionFor(release: number): LicensesModel["edition"] {
  return release >= R6 ? "preferred-edition" : "voicemail-pro";
}

interface DeviceDraw {
  readonly releaseBump: number;
  readonly inherit: boolean;
  readonly users: number | undefined;
  readonly uses: Feature[];
  readonly ports: number | undefined;
  readonly extraEdition: boolean;
  readonly explicitMember: boolean;
  readonly spareLicences: number;
}

const deviceDraw: fc.Arbitrary<DeviceDraw> = fc.record({
  releaseBump: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(RELEASES.length - 1) }),
  inherit: fc.boolean(),
  users: fc.option(fc.nat(400), { nil: undefined }),
  uses: fc.uniqueArray(fc.constantFrom<Feature>("ums", "contact-store", "tts"), { maxLength: 3 }),
  ports: fc.option(fc.nat(40), { nil: undefined }),
  extraEdition: fc.boolean(),
  explicitMember: fc.boolean(),
  spareLicences: fc.nat(50),
});

/** A release at least `floor`, usually `floor` itself or the network's, sometimes higher. */
function releaseAtLeast(floor: number, draw: DeviceDraw, networkRelease: number | undefined): { release: number; own: boolean } {
  if (networkRelease !== undefined && networkRelease >= floor && draw.inherit) return { release: networkRelease, own: false };
  const release = Math.min(RELEASES.length - 1, floor + (draw.releaseBump % (RELEASES.length - floor)));
  return { release, own: true };
}

function licencesFor(office: { role: OfficeModel["role"]; release: number; uses: readonly Feature[]; voicemail?: string }, draw: DeviceDraw): LicensesModel | undefined {
  const needsEdition = office.role !== "member" || office.voicemail !== undefined;
  const count = (feature: Feature): number | undefined => (office.uses.includes(feature) ? 1 + draw.spareLicences : undefined);
  const licences: LicensesModel = {
    ...(needsEdition ? { edition: editionFor(office.release) } : {}),
    ...(needsEdition && draw.ports !== undefined ? { voicemailPorts: draw.ports } : {}),
    ...(count("ums") !== undefined ? { ums: count("ums") } : {}),
    ...(count("contact-store") !== undefined ? { contactStore: count("contact-store") } : {}),
    ...(count("tts") !== undefined ? { tts: count("tts") } : {}),
  };
  return Object.keys(licences).length > 0 || draw.extraEdition ? licences : undefined;
}

/** A spanning tree in which every office is at most two links from the central office (so no two
 * offices are more than four apart), the fallback office linked to it directly, plus extra links
 * when the lowest release allows a mesh. */
function linksFor(offices: readonly OfficeModel[], parents: readonly number[], extra: readonly [number, number][], groupIds: readonly number[], flips: readonly boolean[], mesh: boolean): LinkModel[] {
  const pairs: [number, number][] = [];
  const depth = [0];
  for (let index = 1; index < offices.length; index++) {
    const candidates = offices.map((_, candidate) => candidate).filter((candidate) => candidate < index && (depth[candidate] as number) < 2);
    const parent = offices[index]?.role === "fallback" ? 0 : (candidates[(parents[index] ?? 0) % candidates.length] as number);
    depth[index] = (depth[parent] as number) + 1;
    pairs.push([parent, index]);
  }
  if (mesh) {
    const joined = new Set(pairs.map(([first, second]) => `${Math.min(first, second)}:${Math.max(first, second)}`));
    for (const [first, second] of extra) {
      const a = first % offices.length;
      const b = second % offices.length;
      const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
      if (a === b || joined.has(key)) continue;
      joined.add(key);
      pairs.push([a, b]);
    }
  }
  return pairs.map(([first, second], index) => {
    const [from, to] = flips[index] ? [second, first] : [first, second];
    return { from: (offices[from] as OfficeModel).name, to: (offices[to] as OfficeModel).name, groupId: groupIds[index] as number };
  });
}

function mailDomain(server: string, index: number, style: number): string {
  const label = server.toLowerCase().replace(/_/g, "-").replace(/^-+|-+$/g, "") || "vm";
  // The index keeps domains unique where names differ only in '_' and '-'.
  return style === 0 ? `${label}.s${index}.example.com` : `vm${index}.${label.slice(0, 20).replace(/-+$/, "")}.Example.NET`;
}

/** A valid network model. */
export const networkModel: fc.Arbitrary<NetworkModel> = shape.chain((drawn) => {
  const serverCount = 1 + (drawn.backup ? 1 : 0) + drawn.distributedServers;
  const deviceCount = drawn.officeCount + serverCount;
  return fc.record({
    shape: fc.constant(drawn),
    name: networkName,
    password,
    names: uniqueNames(deviceCount),
    addresses: addresses(deviceCount),
    offices: fc.array(deviceDraw, { minLength: drawn.officeCount, maxLength: drawn.officeCount }),
    servers: fc.array(deviceDraw, { minLength: serverCount, maxLength: serverCount }),
    distributedUse: fc.array(fc.nat(), { minLength: drawn.officeCount, maxLength: drawn.officeCount }),
    parents: fc.array(fc.nat(), { minLength: drawn.officeCount, maxLength: drawn.officeCount }),
    extraLinks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: Math.min(6, drawn.officeCount) }),
    groupIds: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 89_999 })), { minLength: drawn.officeCount + 6, maxLength: drawn.officeCount + 6 }),
    flips: fc.array(fc.boolean(), { minLength: drawn.officeCount + 6, maxLength: drawn.officeCount + 6 }),
    mailStyle: fc.nat(1),
    failback: fc.option(fc.oneof(
      fc.constantFrom("manual", "graceful").map((mode) => ({ mode })),
      fc.integer({ min: 1, max: 60 }).map((minutes) => ({ mode: "automatic" as const, ...(minutes % 7 === 0 ? {} : { minutes }) })),
    ), { nil: undefined }),
    platforms: fc.array(fc.option(fc.constantFrom("windows", "linux", "application-server"), { nil: undefined }), { minLength: serverCount, maxLength: serverCount }),
    shuffle: fc.option(fc.array(fc.nat(), { minLength: 2 * deviceCount + 8, maxLength: 2 * deviceCount + 8 }), { nil: undefined, freq: 3 }),
  });
}).map((draw): NetworkModel => {
  const { shape: drawn } = draw;
  const officeNames = draw.names.slice(0, drawn.officeCount);
  const serverNames = draw.names.slice(drawn.officeCount);
  const serverRoles: ServerModel["role"][] = ["central", ...(drawn.backup ? ["backup" as const] : []), ...Array.from({ length: drawn.distributedServers }, () => "distributed" as const)];
  const distributedNames = serverNames.filter((_, index) => serverRoles[index] === "distributed");

  // Every distributed server gets at least one member office, so none is unused.
  const memberIndexes = officeNames.map((_, index) => index).filter((index) => index > (drawn.fallback ? 1 : 0));
  const voicemailOf = new Map<number, string>();
  distributedNames.forEach((server, position) => voicemailOf.set(memberIndexes[position] as number, server));
  for (const index of memberIndexes.slice(distributedNames.length)) {
    const pick = (draw.distributedUse[index] as number) % (distributedNames.length + 2);
    if (pick < distributedNames.length) voicemailOf.set(index, distributedNames[pick] as string);
  }

  let offices: OfficeModel[] = officeNames.map((name, index) => {
    const officeDraw = draw.offices[index] as DeviceDraw;
    const role: OfficeModel["role"] = index === 0 ? "central" : index === 1 && drawn.fallback ? "fallback" : "member";
    const voicemail = voicemailOf.get(index);
    const { release, own } = releaseAtLeast(officeFloor(drawn, role, voicemail !== undefined), officeDraw, drawn.networkRelease);
    const office = { name, role, release, uses: officeDraw.uses, ...(voicemail ? { voicemail } : {}) };
    const licenses = licencesFor(office, officeDraw);
    const address = draw.addresses[index];
    return {
      ...office,
      explicitMember: officeDraw.explicitMember,
      ownRelease: own,
      ...(address ? { address } : {}),
      ...(officeDraw.users !== undefined ? { users: officeDraw.users } : {}),
      ...(licenses ? { licenses } : {}),
    };
  });
  // Offices at most one major release apart (release-interoperation): raise the ones further below
  // the highest; raising never breaks a release floor.
  const highestMajor = Math.max(...offices.map((office) => majorOf(office.release)));
  offices = offices.map((office, index) => {
    if (majorOf(office.release) >= highestMajor - 1) return office;
    const release = firstOfMajor(highestMajor - 1);
    const licenses = licencesFor({ ...office, release }, draw.offices[index] as DeviceDraw);
    const { licenses: _old, ...rest } = office;
    return { ...rest, release, ownRelease: true, ...(licenses ? { licenses } : {}) };
  });
  // TTS runs on the server: the central office licenses it for itself, its fallback and its
  // centralized members (feature-license).
  const centralTts = offices.some((office) => office.voicemail === undefined && office.uses.includes("tts"));
  offices = offices.map((office) => office.role === "central" && centralTts && office.licenses?.tts === undefined
    ? { ...office, licenses: { ...office.licenses, tts: 1 } }
    : office);
  // The lowest release decides the SCN's user limit (scn-max-users): share that budget out.
  const lowest = Math.min(...offices.map((office) => office.release));
  const budget = lowest < R6 ? 500 : 1000;
  let left = budget;
  offices = offices.map((office) => {
    if (office.users === undefined) return office;
    const users = Math.min(office.users, Math.floor(budget / drawn.officeCount), left);
    left -= users;
    return { ...office, users };
  });

  const servers: ServerModel[] = serverNames.map((name, index) => {
    const serverDraw = draw.servers[index] as DeviceDraw;
    const role = serverRoles[index] as ServerModel["role"];
    const { release, own } = releaseAtLeast(serverFloor(drawn, role), serverDraw, drawn.networkRelease);
    const needsMail = drawn.backup || drawn.distributedServers > 0;
    const address = draw.addresses[drawn.officeCount + index];
    const drawnPlatform = role === "central" ? drawn.centralPlatform : draw.platforms[index];
    // Below 8.0 Voicemail Pro ran on Windows only (platform-release).
    const platform = drawnPlatform && drawnPlatform !== "windows" && release < R8 ? "windows" : drawnPlatform;
    const failback = role === "central" && drawn.backup ? draw.failback : undefined;
    return {
      name, role, version: release, ownVersion: own,
      ...(address ? { address } : {}),
      ...(needsMail || serverDraw.extraEdition ? { mailDomain: mailDomain(name, index, draw.mailStyle) } : {}),
      ...(platform ? { platform } : {}),
      ...(failback ? { failback } : {}),
    };
  });

  // No mesh below 5.0 (scn-mesh-before-r5).
  const links = linksFor(offices, draw.parents, draw.extraLinks, draw.groupIds, draw.flips, lowest >= R5);
  return { name: draw.name, release: drawn.networkRelease, password: draw.password, servers, offices, links, order: draw.shuffle };
});
