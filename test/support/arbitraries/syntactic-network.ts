import fc from "fast-check";
import type { Item } from "./items.js";
import { laidOut, type GeneratedFile } from "./layout.js";

/**
 * Syntactically valid networks that need not make sense (duplicate names, missing roles, any value
 * in any order): what the formatter must keep exactly, valid or not. realistic-network.ts makes
 * networks that also pass every rule.
 */

const names = fc.constantFrom("hq", "dr", "east", "branch", "vm-hq", "vm_east", "site-2-b", "_x", "A9");
const releases = fc.constantFrom("4.2", "5.0", "6.0", "6.1", "8.1", "11.1", "12.2");
const integers = fc.integer({ min: 0, max: 120_000 }).map(String);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."));
const strings = fc.constantFrom('"Acme"', '"vm1.acme.example"', '"fd00::10"', '"a \\"quoted\\" word"', '"back\\\\slash"', '""', '"ENV_NAME"');

function property(key: string, ...values: fc.Arbitrary<string>[]): fc.Arbitrary<Item> {
  return fc.tuple(...values).map((parts) => ({ head: [key, ...parts] }));
}

function withSemicolon(item: fc.Arbitrary<Item>): fc.Arbitrary<Item> {
  return fc.tuple(item, fc.boolean()).map(([generated, semicolon]) => (semicolon ? { ...generated, semicolon } : generated));
}

function items(entries: fc.Arbitrary<Item>, maxLength: number): fc.Arbitrary<Item[]> {
  return fc.array(withSemicolon(entries), { maxLength });
}

const serverProperty: fc.Arbitrary<Item> = fc.oneof(
  property("role", fc.constantFrom("central", "backup", "distributed")),
  property("address", fc.oneof(ipv4, strings)),
  property("version", releases),
  property("mail-domain", strings),
  property("platform", fc.constantFrom("windows", "linux", "ucm", "application-server")),
  fc.tuple(fc.constantFrom("manual", "graceful", "automatic"), fc.option(integers, { nil: undefined }))
    .map(([mode, minutes]) => ({ head: minutes === undefined ? ["failback", mode] : ["failback", mode, minutes] })),
);

const licenseEntry: fc.Arbitrary<Item> = fc.oneof(
  fc.constantFrom("preferred-edition", "voicemail-pro").map((key) => ({ head: [key] })),
  property("voicemail-ports", integers),
  property("ums", integers),
  property("contact-store", integers),
  property("tts", integers),
);

const officeProperty: fc.Arbitrary<Item> = fc.oneof(
  property("role", fc.constantFrom("central", "fallback", "member")),
  property("address", fc.oneof(ipv4, strings)),
  property("release", releases),
  property("users", integers),
  property("voicemail", names),
  fc.uniqueArray(fc.constantFrom("ums", "contact-store", "tts"), { minLength: 1, maxLength: 3 }).map((features) => ({ head: ["uses", ...features] })),
  items(licenseEntry, 6).map((block) => ({ head: ["licenses"], block })),
);

const networkItem: fc.Arbitrary<Item> = fc.oneof(
  property("release", releases),
  fc.oneof(strings.map((value) => [value]), strings.map((value) => ["env", value])).map((value) => ({ head: ["voicemail-password", ...value] })),
  fc.tuple(names, items(serverProperty, 7)).map(([name, block]) => ({ head: ["server", name], block })),
  fc.tuple(names, items(officeProperty, 8)).map(([name, block]) => ({ head: ["office", name], block })),
  fc.tuple(names, names, fc.option(items(property("group-id", integers), 2), { nil: undefined }))
    .map(([from, to, block]) => (block ? { head: ["link", from, "--", to], block } : { head: ["link", from, "--", to] })),
);

/** Any syntactically valid network. */
export const syntacticNetwork: fc.Arbitrary<Item> = fc.tuple(strings, items(networkItem, 12)).map(([name, block]) => ({ head: ["network", name], block }));

/** A syntactically valid network with comments and uneven whitespace between every pair of tokens. */
export const scnFile: fc.Arbitrary<GeneratedFile> = laidOut(syntacticNetwork, { kinds: ["messy"] });

/** A syntactically valid network laid out by hand, with suppression comments before some items. */
export const tidyFile: fc.Arbitrary<string> = laidOut(syntacticNetwork, { kinds: ["tidy"] }).map((file) => file.text);
