import { lex } from "../language/lexer.js";
import { StringLiteral } from "../language/tokens.js";
import { editDistance } from "../rules/suggestion.js";

const PASSWORD_KEY = "voicemail-password";

/** `voicemail-password`, or a word close enough that it was meant (`voicemail-pasword`). */
function namesThePassword(word: string): boolean {
  return word === PASSWORD_KEY || editDistance(word, PASSWORD_KEY, 2) <= 2;
}

/**
 * The source text with every password written in it replaced by `*` (same length, so lines,
 * columns and ranges stay put). Code frames quote source lines, and the plaintext-secret warning
 * points right at the password, so renderers quote this text, never the original. A string is
 * masked when it follows `voicemail-password`, or a misspelling of it, wherever it stands: in a
 * repeated property, with its closing quote missing, or in text the parser had to skip.
 */
export function maskedSourceText(text: string): string {
  if (!text.includes("password") && !text.includes("voicemail-p")) return text;
  const { tokens } = lex(text);
  let masked = maskAfterKeyword(text);
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index];
    const previous = tokens[index - 1];
    if (token?.tokenType !== StringLiteral || !previous || !namesThePassword(previous.image)) continue;
    const start = token.startOffset + 1;
    const end = token.startOffset + token.image.length - (isClosed(token.image) ? 1 : 0);
    if (end > start) masked = masked.slice(0, start) + "*".repeat(end - start) + masked.slice(end);
  }
  return masked;
}

/** `voicemail-password "…"` as written, whatever the lexer made of it: a quote left open earlier on
 * the line turns the password into code and the key into the end of a string, so the tokens above
 * cannot see it. The quoted run after the key is masked up to its closing quote or the line's end. */
const PASSWORD_ON_ITS_LINE = /voicemail-password[ \t]*"((?:[^"\\\r\n]|\\[^\r\n])*)/g;

function maskAfterKeyword(text: string): string {
  return text.replace(PASSWORD_ON_ITS_LINE, (match: string, value: string) => match.slice(0, match.length - value.length) + "*".repeat(value.length));
}

/** Whether a string token ends with its closing quote (not an escaped one, not the line's end). */
function isClosed(image: string): boolean {
  if (image.length < 2 || !image.endsWith('"')) return false;
  let backslashes = 0;
  for (let index = image.length - 2; index > 0 && image[index] === "\\"; index--) backslashes++;
  return backslashes % 2 === 0;
}
