import fc from "fast-check";

/**
 * fast-check arbitraries for syntactically valid `.scn` networks, built as a tree of items and then
 * written out two ways: "messy" (comments and uneven whitespace between every pair of tokens) and
 * "tidy" (one item per line or whole blocks on one line, with suppression comments before items).
 * Networks need not make sense (duplicate names, missing roles): the formatter must keep whatever
 * the file says, valid or not.
 */

/** A property (`role central`) or a declaration with a block (`office hq { … }`). */
export interface Item {
  readonly head: readonly string[];
  readonly block?: readonly Item[];
  /** Written with a trailing `;`. */
  readonly semicolon?: boolean;
}

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

export const network: fc.Arbitrary<Item> = fc.tuple(strings, items(networkItem, 12)).map(([name, block]) => ({ head: ["network", name], block }));

function tokensOf(item: Item): string[] {
  const tokens = [...item.head];
  if (item.block) tokens.push("{", ...item.block.flatMap(tokensOf), "}");
  if (item.semicolon) tokens.push(";");
  return tokens;
}

export interface GeneratedFile {
  readonly text: string;
  /** Every comment in the text, as written. */
  readonly comments: readonly string[];
}

/** Rules that fire often on generated networks, for suppression comments to name. */
const suppressible = ["group-id-missing", "duplicate-name", "unknown-reference", "missing-role", "invalid-value", "duplicate-property",
  "duplicate-address", "missing-release", "central-office-count", "unneeded-license", "feature-license", "self-link"];

/** What goes between two tokens: whitespace, or a comment with the whitespace it needs. */
type Gap = { kind: "space" | "newline" | "blank" | "blanks" | "tab" | "line" | "block" | "multiline" | "own-line" } | { kind: "suppress"; rule: string };

const gap: fc.Arbitrary<Gap> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Gap>({ kind: "space" }, { kind: "newline" }, { kind: "tab" }) },
  { weight: 3, arbitrary: fc.constantFrom<Gap>({ kind: "blank" }, { kind: "blanks" }) },
  { weight: 3, arbitrary: fc.constantFrom<Gap>({ kind: "line" }, { kind: "block" }, { kind: "multiline" }, { kind: "own-line" }) },
  { weight: 1, arbitrary: fc.constantFrom(...suppressible).map((rule): Gap => ({ kind: "suppress", rule })) },
);

function renderGap(gapChoice: Gap, id: number): { text: string; comment?: string } {
  switch (gapChoice.kind) {
    case "space": return { text: " " };
    case "tab": return { text: "\t" };
    case "newline": return { text: "\n  " };
    case "blank": return { text: "\n\n  " };
    case "blanks": return { text: "\n\n\n\n" };
    case "line": return { text: ` // c${id} note\n`, comment: `// c${id} note` };
    case "own-line": return { text: `\n  // c${id} own line\n  `, comment: `// c${id} own line` };
    case "suppress": {
      const comment = `// scnc-disable-next-line ${gapChoice.rule} -- c${id}`;
      return { text: `\n  ${comment}\n`, comment };
    }
    case "block": return { text: ` /* c${id} */ `, comment: `/* c${id} */` };
    case "multiline": return { text: ` /* c${id}\n     second line */ `, comment: `/* c${id}\n     second line */` };
  }
}

function withLineEnds(file: GeneratedFile, crlf: boolean): GeneratedFile {
  if (!crlf) return file;
  return { text: file.text.replace(/\n/g, "\r\n"), comments: file.comments.map((comment) => comment.replace(/\n/g, "\r\n")) };
}

/** A whole file: a gap before the first token, after every token and after the last; sometimes
 * with Windows line ends. */
export const scnFile: fc.Arbitrary<GeneratedFile> = network.map(tokensOf).chain((tokens) =>
  fc.tuple(fc.array(gap, { minLength: tokens.length + 1, maxLength: tokens.length + 1 }), fc.boolean()).map(([gaps, crlf]) => {
    const comments: string[] = [];
    let text = "";
    gaps.forEach((gapChoice, index) => {
      const rendered = renderGap(gapChoice, index);
      if (rendered.comment) comments.push(rendered.comment);
      text += (index === 0 ? "" : tokens[index - 1]) + rendered.text;
    });
    return withLineEnds({ text, comments }, crlf);
  }));

/** How the tidy writer lays out one item: its block on one line or one entry per line, after an
 * optional suppression comment and blank line. */
interface TidyChoice {
  readonly oneLine: boolean;
  readonly suppress: string | undefined;
  readonly blankBefore: boolean;
}

const tidyChoice: fc.Arbitrary<TidyChoice> = fc.record({
  oneLine: fc.boolean(),
  suppress: fc.option(fc.constantFrom(...suppressible), { nil: undefined, freq: 3 }),
  blankBefore: fc.boolean(),
});

function tidyText(item: Item, choices: () => TidyChoice, indent: string, lines: string[]): void {
  const choice = choices();
  if (choice.blankBefore && indent !== "") lines.push("");
  if (choice.suppress) lines.push(`${indent}// scnc-disable-next-line ${choice.suppress}`);
  if (!item.block) {
    lines.push(indent + tokensOf(item).join(" "));
    return;
  }
  if (choice.oneLine || item.block.length === 0) {
    lines.push(indent + tokensOf(item).join(" "));
    return;
  }
  lines.push(`${indent}${item.head.join(" ")} {`);
  for (const child of item.block) tidyText(child, choices, `${indent}  `, lines);
  lines.push(`${indent}}${item.semicolon ? ";" : ""}`);
}

/** A file laid out the way people write by hand, with suppression comments before some items. */
export const tidyFile: fc.Arbitrary<string> = fc.tuple(network, fc.infiniteStream(tidyChoice)).map(([root, stream]) => {
  const iterator = stream[Symbol.iterator]();
  const lines: string[] = [];
  tidyText(root, () => iterator.next().value as TidyChoice, "", lines);
  return lines.join("\n") + "\n";
});
