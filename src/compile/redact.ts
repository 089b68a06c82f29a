/** Where scnc writes a password: `security.voicemailPassword` and `preferences.general.voicemailPassword`. */
export const PASSWORD_KEY = "voicemailPassword";

// A JSON string member named voicemailPassword, however the file is laid out (a hand-edited file
// need not be in scnc's layout). Objects such as {"env": "NAME"} hold no secret and stay.
const PASSWORD_MEMBER = /("voicemailPassword"\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/**
 * Replaces password values in what `plan` shows (diffs and field changes) with placeholders. Equal
 * values get equal placeholders, numbered by first appearance, so a plan still shows *that* a
 * password changed, never what it is.
 */
export class SecretRedactor {
  private readonly numbers = new Map<string, number>();

  placeholder(secret: string): string {
    let number = this.numbers.get(secret);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(secret, number);
    }
    return `(secret ${number})`;
  }

  text(text: string): string {
    return text.replace(PASSWORD_MEMBER, (_match, key: string, raw: string) => `${key}"${this.placeholder(raw)}"`);
  }

  /** A field's value, given its path (e.g. `security.voicemailPassword`). */
  field(path: string, value: unknown): unknown {
    const isPassword = path === PASSWORD_KEY || path.endsWith(`.${PASSWORD_KEY}`);
    return isPassword && typeof value === "string" ? this.placeholder(JSON.stringify(value).slice(1, -1)) : value;
  }
}
