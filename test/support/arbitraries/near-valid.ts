import fc from "fast-check";
import { keywordsByText } from "../../../src/language/tokens.js";
import type { Item } from "./items.js";
import { declaredNames, flatten, freshName, isDeclaration, isLink, isProperty, locate, pick, renameEverywhere, replaceAt, type Located } from "./tree-edits.js";
import { realisticNetwork } from "./network-tree.js";

/**
 * Near-valid networks: a realistic network with one or a few deliberate mistakes made on its item
 * tree, the kind people make (a wrong kind of value, a missing brace, a repeated property, a
 * reference to nothing, a number out of range, a reserved word as a name, a duplicate link, …).
 * A mistake is plain data (its kind and numbers that pick where), so a counterexample shows it and
 * shrinking works on it. Each mistake that must be reported says which rules may report it.
 */

export const MUTATION_KINDS = [
  "wrong-value-kind", "drop-brace", "stray-token", "repeat-property", "unknown-reference", "out-of-range", "reserved-name",
  "duplicate-link", "self-link", "duplicate-name", "duplicate-address", "drop-property", "drop-item", "change-role",
  "misplaced-property", "misspelt-keyword", "change-release", "bad-string", "suppression", "odd-address", "odd-mail-domain",
  "odd-secret", "long-name", "windows-device-name", "non-ascii-name", "voicemail-not-distributed", "long-chain", "many-offices",
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  readonly kind: MutationKind;
  /** Picks the item to change (modulo the number of candidates). */
  readonly at: number;
  /** Picks among the ways to make this kind of mistake. */
  readonly choice: number;
}

export interface MutatedNetwork {
  readonly tree: Item;
  /** What was done, in words. */
  readonly changes: readonly string[];
  /** For each mistake that must be reported: rule ids, any of which reports it. */
  readonly expected: readonly (readonly string[])[];
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom(...MUTATION_KINDS), at: fc.nat(), choice: fc.nat() });

type Applied = { tree: Item; change: string; expected?: readonly string[] } | undefined;

function valueClass(word: string): string {
  if (/^\d+$/.test(word)) return "integer";
  if (/^\d+\.\d+$/.test(word)) return "release";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(word)) return "address";
  if (word.startsWith('"')) return "string";
  return "word";
}

const OTHER_VALUES: Readonly<Record<string, readonly string[]>> = {
  integer: ['"300"', "6.0", "10.0.0.9", "central", "-1", "1e3"],
  release: ["6", '"6.0"', "10.0.0.9", "6.0.1", "six"],
  address: ["6.0", "42", "hq", "10.0.0", "10.0.0.0.1"],
  string: ["42", "6.0", "plain-word"],
  word: ['"central"', "42", "6.0", "centre", "10.0.0.9"],
};

const OUT_OF_RANGE: readonly { key: string; values: readonly string[]; expected: readonly string[] }[] = [
  { key: "users", values: ["100001", "999999999999999999999999", "4294967296"], expected: ["invalid-value"] },
  { key: "group-id", values: ["100000", "99999999999999999999"], expected: ["group-id-range"] },
  { key: "voicemail-ports", values: ["251", "100000000"], expected: ["invalid-value"] },
  { key: "ums", values: ["100001"], expected: ["invalid-value"] },
  { key: "tts", values: ["100001"], expected: ["invalid-value"] },
  { key: "contact-store", values: ["100001"], expected: ["invalid-value"] },
  { key: "release", values: ["100.0", "6.100", "0.0", "99.99", "006.01"], expected: [] },
  { key: "version", values: ["100.0", "7.123"], expected: ["invalid-value"] },
  { key: "address", values: ["256.0.0.1", "10.0.0.256", "010.0.0.1", "1.2.3.04"], expected: ["invalid-value"] },
];

const MISPLACED: Readonly<Record<string, readonly string[][]>> = {
  office: [["group-id", "5"], ["version", "6.0"], ["mail-domain", '"vm.example.com"'], ["platform", "linux"], ["failback", "manual"]],
  server: [["users", "5"], ["uses", "ums"], ["release", "6.0"], ["voicemail", "hq"], ["licenses"]],
  link: [["role", "central"], ["address", "10.9.9.9"], ["users", "3"]],
  network: [["address", "10.0.0.1"], ["users", "5"], ["role", "central"], ["group-id", "7"]],
  licenses: [["users", "5"], ["role", "central"], ["edition"]],
};

const ODD_ADDRESSES = ['"fe80::1%eth0"', '"fe80::1%25en0"', '"::ffff:10.0.0.1"', '"10.0.0.1"', '"FD00::A"', '"1::2::3"', '""', '"10.0.0.1 "',
  '"::"', '"0:0:0:0:0:0:0:1"', '"[fd00::1]"', '"fd00::1/64"', '"1.2.3"', "0.0.0.0", "255.255.255.255"];
const ODD_MAIL_DOMAINS = ['"vm"', '"-a.example"', '"a..b"', '"UPPER.Example.COM"', '"x.y."', '""', `"${"a".repeat(64)}.example"`, `"${"abcdefgh.".repeat(28)}com"`, '"münchen.example"', '"a_b.example"'];
const ODD_SECRETS = [['""'], ["env", '""'], ["env", '"1BAD"'], ["env", '"A B"'], ['"pass\\"word"'], ["env", '"PATH"'], ['"voicemail-password"']];

function mutate(root: Item, { kind, at, choice }: Mutation): Applied {
  const items = locate(root);
  const top = items.filter((entry) => entry.path.length === 1);
  const properties = items.filter((entry) => isProperty(entry.item) && entry.item.head.length >= 2 && entry.item.head[0] !== "voicemail-password");
  const declarations = top.filter((entry) => isDeclaration(entry.item));
  const links = top.filter((entry) => isLink(entry.item));
  switch (kind) {
    case "wrong-value-kind": {
      const target = pick(properties, at);
      if (!target) return undefined;
      const [key, first] = target.item.head;
      const replacement = pick(OTHER_VALUES[valueClass(first as string)] as readonly string[], choice) as string;
      return { tree: replaceAt(root, target.path, () => [{ head: [key as string, replacement] }]), change: `${key} ${first} → ${key} ${replacement}`, expected: ["syntax-error", "invalid-value", "unknown-reference"] };
    }
    case "drop-brace": {
      const target = pick(items.filter((entry) => entry.item.block), at);
      if (!target) return undefined;
      const inner = (target.item.block ?? []).flatMap((child) => flatten(child));
      const head = choice % 2 === 0 ? [...target.item.head, ...inner, "}"] : [...target.item.head, "{", ...inner];
      return { tree: replaceAt(root, target.path, () => [{ head }]), change: `${choice % 2 === 0 ? "'{'" : "'}'"} of ${target.item.head.join(" ")} removed`, expected: ["syntax-error"] };
    }
    case "stray-token": {
      const target = pick(items, at);
      if (!target) return undefined;
      const token = pick(["}", "{", "--", "@", "=", ":", ",", "office", "\\"], choice) as string;
      return { tree: replaceAt(root, target.path, (item) => [item, { head: [token] }]), change: `'${token}' after ${target.item.head.join(" ")}`, expected: ["syntax-error"] };
    }
    case "repeat-property": {
      const target = pick(items.filter((entry) => entry.parent !== "" && (isProperty(entry.item) || entry.item.head[0] === "licenses")), at);
      if (!target) return undefined;
      return { tree: replaceAt(root, target.path, (item) => [item, item]), change: `${target.item.head.join(" ")} repeated`, expected: ["duplicate-property"] };
    }
    case "unknown-reference": {
      const references = [...links, ...properties.filter((entry) => entry.item.head[0] === "voicemail")];
      const target = pick(references, at);
      if (!target) return undefined;
      const position = isLink(target.item) ? (choice % 2 === 0 ? 1 : 3) : 1;
      const old = target.item.head[position] as string;
      const name = freshName(root, old, choice);
      const head = target.item.head.map((word, index) => (index === position ? name : word));
      return { tree: replaceAt(root, target.path, (item) => [{ ...item, head }]), change: `reference ${old} → ${name}`, expected: ["unknown-reference"] };
    }
    case "out-of-range": {
      const ranges = OUT_OF_RANGE.flatMap((range) => properties.filter((entry) => entry.item.head[0] === range.key).map((entry) => ({ entry, range })));
      const target = pick(ranges, at);
      if (!target) return undefined;
      const value = pick(target.range.values, choice) as string;
      const key = target.range.key;
      return { tree: replaceAt(root, target.entry.path, () => [{ head: [key, value] }]), change: `${key} ${value}`, ...(target.range.expected.length > 0 ? { expected: target.range.expected } : {}) };
    }
    case "reserved-name": {
      const target = pick(declarations, at);
      if (!target) return undefined;
      const keyword = pick([...keywordsByText.keys()], choice) as string;
      const old = target.item.head[1] as string;
      if (declaredNames(root).some((name) => name.toLowerCase() === keyword)) return undefined;
      return { tree: renameEverywhere(root, old, keyword), change: `${old} renamed to reserved word ${keyword}`, expected: ["syntax-error"] };
    }
    case "duplicate-link": {
      const target = pick(links, at);
      if (!target) return undefined;
      const [, from, dash, to] = target.item.head;
      const copy = choice % 2 === 0 ? target.item : { ...target.item, head: ["link", to as string, dash as string, from as string] };
      return { tree: replaceAt(root, target.path, (item) => [item, copy]), change: `link ${from} -- ${to} declared twice`, expected: ["duplicate-link"] };
    }
    case "self-link": {
      const offices = declarations.filter((entry) => entry.item.head[0] === "office");
      const target = pick(offices, at);
      if (!target) return undefined;
      const name = target.item.head[1] as string;
      const link: Item = { head: ["link", name, "--", name], block: [{ head: ["group-id", String(90_000 - (choice % 1000))] }] };
      return { tree: replaceAt(root, target.path, (item) => [item, link]), change: `link ${name} -- ${name}`, expected: ["self-link"] };
    }
    case "duplicate-name": {
      const target = pick(declarations, at);
      const other = pick(declarations.filter((entry) => entry !== target), choice);
      if (!target || !other) return undefined;
      const name = choice % 3 === 0 ? (other.item.head[1] as string).toUpperCase() : (other.item.head[1] as string);
      if (keywordsByText.has(name)) return undefined;
      const head = target.item.head.map((word, index) => (index === 1 ? name : word));
      return { tree: replaceAt(root, target.path, (item) => [{ ...item, head }]), change: `${target.item.head[1]} declared as ${name}`, expected: ["duplicate-name"] };
    }
    case "duplicate-address": {
      const addressed = items.filter((entry) => entry.item.head[0] === "address" && entry.path.length === 2);
      const source = pick(addressed, choice);
      const target = pick(declarations.filter((entry) => source && entry.path[0] !== source.path[0]), at);
      if (!source || !target) return undefined;
      const withAddress = (item: Item): Item => ({ ...item, block: [...(item.block ?? []).filter((child) => child.head[0] !== "address"), source.item] });
      return { tree: replaceAt(root, target.path, (item) => [withAddress(item)]), change: `${target.item.head[1]} given address ${source.item.head[1]}`, expected: ["duplicate-address"] };
    }
    case "drop-property": {
      const target = pick(items.filter((entry) => entry.path.length >= 2), at);
      if (!target) return undefined;
      return { tree: replaceAt(root, target.path, () => []), change: `${target.item.head.join(" ")} removed` };
    }
    case "drop-item": {
      const target = pick(top, at);
      if (!target) return undefined;
      return { tree: replaceAt(root, target.path, () => []), change: `${target.item.head.join(" ")} removed` };
    }
    case "change-role": {
      const roles = properties.filter((entry) => entry.item.head[0] === "role");
      const target = pick(roles, at);
      if (!target) return undefined;
      const values = target.parent === "office" ? ["central", "fallback", "member"] : ["central", "backup", "distributed"];
      const role = pick(values, choice) as string;
      return { tree: replaceAt(root, target.path, () => [{ head: ["role", role] }]), change: `${target.item.head.join(" ")} → role ${role}` };
    }
    case "misplaced-property": {
      const target = pick(items.filter((entry) => entry.item.block && MISPLACED[entry.item.head[0] as string]), at);
      if (!target) return undefined;
      const head = pick(MISPLACED[target.item.head[0] as string] as string[][], choice) as string[];
      const misplaced: Item = head[0] === "licenses" ? { head, block: [] } : { head };
      return { tree: replaceAt(root, target.path, (item) => [{ ...item, block: [...(item.block ?? []), misplaced] }]), change: `${head.join(" ")} inside ${target.item.head.join(" ")}`, expected: ["syntax-error"] };
    }
    case "misspelt-keyword": {
      const target = pick(items, at);
      if (!target) return undefined;
      const word = target.item.head[0] as string;
      const misspelt = choice % 3 === 0 ? word.slice(1) : choice % 3 === 1 ? `${word}s` : word.replace(/([a-z])([a-z])/, "$2$1");
      if (misspelt === word || misspelt === "" || keywordsByText.has(misspelt)) return undefined;
      return { tree: replaceAt(root, target.path, (item) => [{ ...item, head: [misspelt, ...item.head.slice(1)] }]), change: `${word} misspelt ${misspelt}`, expected: ["syntax-error"] };
    }
    case "change-release": {
      const target = pick(declarations, at);
      if (!target) return undefined;
      const key = target.item.head[0] === "office" ? "release" : "version";
      const release = pick(["4.2", "5.0", "5.9", "6.0", "7.0", "8.0", "11.1", "12.2", "13.0"], choice) as string;
      const block = [...(target.item.block ?? []).filter((child) => child.head[0] !== key), { head: [key, release] }];
      return { tree: replaceAt(root, target.path, (item) => [{ ...item, block }]), change: `${target.item.head[1]} ${key} ${release}` };
    }
    case "bad-string": {
      const target = pick(items.filter((entry) => entry.item.head.some((word) => word.startsWith('"'))), at);
      const broken = pick(['"unterminated', '"a\\qb"', '"tab\\t"', '"trailing\\"', '"\u0000"'], choice) as string;
      if (!target) return { tree: { ...root, head: ["network", broken] }, change: `network name ${broken}`, ...(broken === '"unterminated' ? { expected: ["syntax-error"] } : {}) };
      const head = target.item.head.map((word) => (word.startsWith('"') ? broken : word));
      return { tree: replaceAt(root, target.path, (item) => [{ ...item, head }]), change: `string → ${broken}`, ...(broken === '"unterminated' ? { expected: ["syntax-error"] } : {}) };
    }
    case "suppression": {
      const target = pick(items, at);
      if (!target) return undefined;
      const ids = pick(["group-id-missing", "duplicate-name, unknown-reference", "no-such-rule", "", "invalid-value -- because", "syntax-error", "unused-suppression"], choice) as string;
      const comment: Item = { head: [`/* scnc-disable-next-line ${ids} */`] };
      return { tree: replaceAt(root, target.path, (item) => [comment, item]), change: `suppression '${ids}' before ${target.item.head.join(" ")}`, ...(ids === "no-such-rule" ? { expected: ["unknown-suppression"] } : {}) };
    }
    case "odd-address":
      return setValue(root, declarations, at, "address", pick(ODD_ADDRESSES, choice) as string);
    case "odd-mail-domain":
      return setValue(root, declarations.filter((entry) => entry.item.head[0] === "server"), at, "mail-domain", pick(ODD_MAIL_DOMAINS, choice) as string);
    case "odd-secret": {
      const values = pick(ODD_SECRETS, choice) as string[];
      const block = [...(root.block ?? []).filter((item) => item.head[0] !== "voicemail-password"), { head: ["voicemail-password", ...values] }];
      return { tree: { ...root, block }, change: `voicemail-password ${values.join(" ")}` };
    }
    case "long-name": {
      const target = pick(declarations, at);
      if (!target) return undefined;
      const name = `${"n".repeat(60)}-${1000 + (choice % 9000)}`;
      return { tree: renameEverywhere(root, target.item.head[1] as string, name), change: `${target.item.head[1]} renamed to a ${name.length}-character name`, expected: ["invalid-value"] };
    }
    case "windows-device-name": {
      // Build's files for the device would be named after it, and Windows cannot create those (sources S40).
      const target = pick(declarations, at);
      if (!target) return undefined;
      const name = pick(["con", "PRN", "Aux", "nul", "COM1", "lpt9"], choice) as string;
      return { tree: renameEverywhere(root, target.item.head[1] as string, name), change: `${target.item.head[1]} renamed to ${name}`, expected: ["invalid-value"] };
    }
    case "non-ascii-name": {
      const target = pick(declarations, at);
      if (!target) return undefined;
      const name = pick(["café", "naïve-1", "東京", "a\u200bb", "ｆｕｌｌ"], choice) as string;
      return { tree: renameEverywhere(root, target.item.head[1] as string, name), change: `${target.item.head[1]} renamed to ${name}`, expected: ["syntax-error"] };
    }
    case "voicemail-not-distributed": {
      const offices = declarations.filter((entry) => entry.item.head[0] === "office");
      const servers = declarations.filter((entry) => entry.item.head[0] === "server" && !(entry.item.block ?? []).some((child) => child.head.join(" ") === "role distributed"));
      const target = pick(offices, at);
      const server = pick(servers, choice);
      if (!target || !server) return undefined;
      const block = [...(target.item.block ?? []).filter((child) => child.head[0] !== "voicemail"), { head: ["voicemail", server.item.head[1] as string] }];
      return {
        tree: replaceAt(root, target.path, (item) => [{ ...item, block }]),
        change: `${target.item.head[1]} voicemail ${server.item.head[1]}`,
        expected: ["voicemail-must-be-distributed", "distributed-not-for-central-or-fallback", "missing-role"],
      };
    }
    case "long-chain":
    case "many-offices":
      return addOffices(root, kind, at, choice);
  }
}

function setValue(root: Item, declarations: readonly Located[], at: number, key: string, value: string): Applied {
  const target = pick(declarations, at);
  if (!target) return undefined;
  const block = [...(target.item.block ?? []).filter((child) => child.head[0] !== key), { head: [key, value] }];
  return { tree: replaceAt(root, target.path, (item) => [{ ...item, block }]), change: `${target.item.head[1]} ${key} ${value}` };
}

/** New member offices: a chain hanging off the central office (hop limit), or many at once
 * linked to it (system, user and UCM limits). */
function addOffices(root: Item, kind: "long-chain" | "many-offices", at: number, choice: number): Applied {
  const central = (root.block ?? []).find((item) => item.head[0] === "office" && (item.block ?? []).some((child) => child.head.join(" ") === "role central"));
  if (!central) return undefined;
  const count = kind === "long-chain" ? 6 + (at % 3) : 5 + (at % 40);
  const added: Item[] = [];
  let previous = central.head[1] as string;
  for (let index = 0; index < count; index++) {
    const name = `added-${index}`;
    added.push({ head: ["office", name], block: [{ head: ["users", String(choice % 60)] }] });
    added.push({ head: ["link", kind === "long-chain" ? previous : (central.head[1] as string), "--", name], block: [{ head: ["group-id", String(91_000 + index)] }] });
    previous = name;
  }
  const offices = (root.block ?? []).filter((item) => item.head[0] === "office").length + count;
  const expected = kind === "long-chain" && offices <= 16 ? { expected: ["scn-max-hops"] } : {};
  return { tree: { ...root, block: [...(root.block ?? []), ...added] }, change: `${count} offices added (${kind})`, ...expected };
}

/** Applies the mutations in turn; one that finds nothing to change is skipped. */
export function applyMutations(root: Item, mutations: readonly Mutation[]): MutatedNetwork {
  let tree = root;
  const changes: string[] = [];
  const expected: (readonly string[])[] = [];
  for (const change of mutations) {
    const applied = mutate(tree, change);
    if (!applied) continue;
    tree = applied.tree;
    changes.push(applied.change);
    if (applied.expected) expected.push(applied.expected);
  }
  return { tree, changes, expected };
}

/** A network from `trees` (by default a realistic one) with one to `maxMutations` mistakes. */
export function nearValidNetwork(maxMutations = 3, trees: fc.Arbitrary<Item> = realisticNetwork): fc.Arbitrary<MutatedNetwork> {
  return fc.tuple(trees, fc.array(mutation, { minLength: 1, maxLength: maxMutations }))
    .map(([tree, mutations]) => applyMutations(tree, mutations));
}
