/**
 * Text from the input made safe to print on a terminal. A `.scn` file, a file name or a file in an
 * output directory can hold ESC, BEL and other control characters; printed as they are, they
 * repaint the screen, retitle the window or hide the lines around them (`network "\e[31m…"`). Every
 * human-readable renderer passes the input's text through here before it adds its own colours.
 *
 * Each control character becomes exactly one visible character, so a code frame's columns and its
 * underline stay put:
 * - C0 (U+0000–U+001F) becomes its Unicode control picture (ESC → ␛, BEL → ␇, U+0000 → ␀), DEL
 *   (U+007F) becomes ␡;
 * - C1 (U+0080–U+009F), which has no pictures, and the bidirectional overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069) and line/paragraph separators (U+2028, U+2029), which reorder
 *   or break what a terminal shows, become U+FFFD.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, keeping line feeds and tabs: for whole lines of output, such as a diff or a checklist. */
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function picture(character: string): string {
  const code = character.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return "\ufffd";
}

/** One value from the input (a name, a string, a message, a file name), on one line. */
export function printable(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, picture) : text;
}

/** Text of several lines: line feeds and tabs stay, every other control character is escaped. */
export function printableLines(text: string): string {
  CONTROL_BUT_LAYOUT.lastIndex = 0;
  return CONTROL_BUT_LAYOUT.test(text) ? text.replace(CONTROL_BUT_LAYOUT, picture) : text;
}
