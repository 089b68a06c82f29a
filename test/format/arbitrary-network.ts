import fc from "fast-check";

/**
 * fast-check arbitraries for syntactically valid `.scn` text with comments and uneven layout
 * sprinkled between every pair of tokens. Networks need not make sense (duplicate names, missing
 * roles): the formatter must keep whatever the file says, valid or not.
 */

const names = fc.constantFrom("hq", "dr", "east", "branch", "vm-hq", "vm_east", "site-2-b", "_x", "A9");
const releases = fc.constantFrom("4.2", "5.0", "6.0", "6.1", "8.1", "11.1", "12.2");
const integers = fc.integer({ min: 0, max: 120_000 }).map(String);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."));
const strings = fc.constantFrom('"Acme"', '"vm1.acme.example"', '"fd00::10"', '"a \\"quoted\\" word"', '"back\\\\slash"', '""', '"ENV_NAME"');

type Tokens = string[];

function property(key: string, ...values: fc.Arbitrary<string>[]): fc.Arbitrary<Tokens> {
  return fc.tuple(...values).map((parts) => [key, ...parts]);
}

const serverProperty: fc.Arbitrary<Tokens> = fc.oneof(
  property("role", fc.constantFrom("central", "backup", "distributed")),
  property("address", fc.oneof(ipv4, strings)),
  property("version", releases),
  property("mail-domain", strings),
  property("platform", fc.constantFrom("windows", "linux", "ucm", "application-server")),
  fc.tuple(fc.constantFrom("manual", "graceful", "automatic"), fc.option(integers, { nil: undefined }))
    .map(([mode, minutes]) => (minutes === undefined ? ["failback", mode] : ["failback", mode, minutes])),
);

const licenseEntry: fc.Arbitrary<Tokens> = fc.oneof(
  fc.constantFrom("preferred-edition", "voicemail-pro").map((key) => [key]),
  property("voicemail-ports", integers),
  property("ums", integers),
  property("contact-store", integers),
  property("tts", integers),
);

function withSemicolon(item: fc.Arbitrary<Tokens>): fc.Arbitrary<Tokens> {
  return fc.tuple(item, fc.boolean()).map(([tokens, semicolon]) => (semicolon ? [...tokens, ";"] : tokens));
}

function block(entries: fc.Arbitrary<Tokens>, maxLength: number): fc.Arbitrary<Tokens> {
  return fc.array(withSemicolon(entries), { maxLength }).map((items) => ["{", ...items.flat(), "}"]);
}

const officeProperty: fc.Arbitrary<Tokens> = fc.oneof(
  property("role", fc.constantFrom("central", "fallback", "member")),
  property("address", fc.oneof(ipv4, strings)),
  property("release", releases),
  property("users", integers),
  property("voicemail", names),
  fc.uniqueArray(fc.constantFrom("ums", "contact-store", "tts"), { minLength: 1, maxLength: 3 }).map((features) => ["uses", ...features]),
  block(licenseEntry, 6).map((tokens) => ["licenses", ...tokens]),
);

const networkItem: fc.Arbitrary<Tokens> = fc.oneof(
  property("release", releases),
  fc.oneof(strings.map((value) => [value]), strings.map((value) => ["env", value])).map((value) => ["voicemail-password", ...value]),
  fc.tuple(names, block(serverProperty, 7)).map(([name, body]) => ["server", name, ...body]),
  fc.tuple(names, block(officeProperty, 8)).map(([name, body]) => ["office", name, ...body]),
  fc.tuple(names, names, fc.option(block(property("group-id", integers), 2), { nil: undefined }))
    .map(([from, to, body]) => ["link", from, "--", to, ...(body ?? [])]),
);

export const networkTokens: fc.Arbitrary<Tokens> = fc.tuple(strings, fc.array(withSemicolon(networkItem), { maxLength: 12 }))
  .map(([name, items]) => ["network", name, "{", ...items.flat(), "}"]);

/** What goes between two tokens: whitespace, or a comment with the whitespace it needs. */
type Gap = { kind: "space" | "newline" | "blank" | "blanks" | "tab" } | { kind: "line" | "block" | "multiline" | "suppress" | "own-line" };

const gap: fc.Arbitrary<Gap> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Gap>({ kind: "space" }, { kind: "newline" }, { kind: "tab" }) },
  { weight: 3, arbitrary: fc.constantFrom<Gap>({ kind: "blank" }, { kind: "blanks" }) },
  { weight: 3, arbitrary: fc.constantFrom<Gap>({ kind: "line" }, { kind: "block" }, { kind: "multiline" }, { kind: "suppress" }, { kind: "own-line" }) },
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
    case "suppress": return { text: `\n  // scnc-disable-next-line group-id-missing -- c${id}\n`, comment: `// scnc-disable-next-line group-id-missing -- c${id}` };
    case "block": return { text: ` /* c${id} */ `, comment: `/* c${id} */` };
    case "multiline": return { text: ` /* c${id}\n     second line */ `, comment: `/* c${id}\n     second line */` };
  }
}

export interface GeneratedFile {
  readonly text: string;
  /** Every comment in the text, as written. */
  readonly comments: readonly string[];
}

/** A whole file: optional leading comments, the network with a gap after every token, a final gap;
 * sometimes with Windows line ends. */
export const scnFile: fc.Arbitrary<GeneratedFile> = networkTokens.chain((tokens) =>
  fc.tuple(fc.array(gap, { minLength: tokens.length + 1, maxLength: tokens.length + 1 }), fc.boolean()).map(([gaps, crlf]) => {
    const comments: string[] = [];
    let text = "";
    gaps.forEach((gapChoice, index) => {
      const token = index === 0 ? "" : tokens[index - 1];
      const rendered = renderGap(gapChoice, index);
      if (rendered.comment) comments.push(rendered.comment);
      text += (token ?? "") + rendered.text;
    });
    return crlf
      ? { text: text.replace(/\n/g, "\r\n"), comments: comments.map((comment) => comment.replace(/\n/g, "\r\n")) }
      : { text, comments };
  }));
