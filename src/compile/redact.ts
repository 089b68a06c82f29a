/** Where scnc writes a password: `security.voicemailPassword` and `preferences.general.voicemailPassword`. */
export const PASSWORD_KEY = "voicemailPassword";

// A JSON string member named voicemailPassword, however the file is laid out (a hand-edited file
// need not be in scnc's layout), closed or cut off by the file's end or line's end (a truncated
// file). Objects such as {"env": "NAME"} hold no secret and stay.
const PASSWORD_MEMBER = /("voicemailPassword"\s*:\s*)"((?:[^"\\\n]|\\.)*)("|\\?$)/gm;

/** Secrets shorter than this are masked where they are written (the voicemailPassword members),
 * not wherever their characters occur: masking a two-letter value everywhere would garble the
 * whole plan, and every other character of the diff would point at it. */
export const MIN_MASKED_BY_VALUE = 4;

function decoded(raw: string): string | undefined {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}

/**
 * Replaces password values in what `plan` shows (diffs and field changes) with placeholders. Equal
 * values get equal placeholders, numbered by first appearance, so a plan still shows *that* a
 * password changed, never what it is.
 *
 * Masking is by place and by value (issue 17 item 4): every voicemailPassword member's value (also
 * one cut off by a truncated file) is learnt first, from every file of the plan, and then masked
 * wherever it occurs, so a password copied into another field of a hand-edited resolved file is
 * masked too, as is a file that ends inside a copy of it.
 */
export class SecretRedactor {
  private readonly numbers = new Map<string, number>();
  /** Known secrets as written in JSON (escaped), longest first, with their decoded text. */
  private known: { readonly raw: string; readonly text: string | undefined }[] = [];

  /** Learns the password values written in each text, before any text is redacted. */
  learn(texts: readonly (string | undefined)[]): this {
    for (const text of texts) {
      for (const match of (text ?? "").matchAll(PASSWORD_MEMBER)) this.remember(match[2] as string);
    }
    return this;
  }

  private remember(raw: string): void {
    if (raw.length < MIN_MASKED_BY_VALUE || this.known.some((secret) => secret.raw === raw)) return;
    this.known = [...this.known, { raw, text: decoded(raw) }].sort((first, second) => second.raw.length - first.raw.length);
  }

  placeholder(secret: string): string {
    let number = this.numbers.get(secret);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(secret, number);
    }
    return `(secret ${number})`;
  }

  text(text: string): string {
    const byPlace = text.replace(PASSWORD_MEMBER, (_match, key: string, raw: string, close: string) => `${key}"${this.placeholder(raw)}${close === '"' ? '"' : ""}`);
    return this.cutTail(this.byValue(byPlace, "raw"));
  }

  /** A field's value, given its path (e.g. `security.voicemailPassword`). */
  field(path: string, value: unknown): unknown {
    const isPassword = path === PASSWORD_KEY || path.endsWith(`.${PASSWORD_KEY}`);
    if (isPassword && typeof value === "string") return this.placeholder(JSON.stringify(value).slice(1, -1));
    return typeof value === "string" ? this.byValue(value, "text") : value;
  }

  /** Text made of decoded values (a field's path, which holds the file's keys). */
  plain(text: string): string {
    return this.byValue(text, "text");
  }

  private byValue(text: string, form: "raw" | "text"): string {
    let result = text;
    for (const secret of this.known) {
      const written = secret[form];
      if (written && result.includes(written)) result = result.split(written).join(this.placeholder(secret.raw));
    }
    return result;
  }

  /** A file cut inside a copy of a secret ends with the secret's first characters. */
  private cutTail(text: string): string {
    const trimmed = text.replace(/\s+$/, "");
    for (const secret of this.known) {
      for (let length = Math.min(secret.raw.length - 1, trimmed.length); length >= MIN_MASKED_BY_VALUE; length--) {
        if (trimmed.endsWith(secret.raw.slice(0, length))) {
          return trimmed.slice(0, trimmed.length - length) + this.placeholder(secret.raw) + text.slice(trimmed.length);
        }
      }
    }
    return text;
  }
}
