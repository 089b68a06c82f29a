import { lex } from "../language/lexer.js";
import { maskSpans, secretSpans } from "../language/secrets.js";

/**
 * The source text with every password written in it replaced by `*` (same length, so lines,
 * columns and ranges stay put). Code frames quote source lines, and the plaintext-secret warning
 * points right at the password, so renderers quote this text, never the original. What counts as a
 * password is secretSpans()'s: whatever follows `voicemail-password`, or a misspelling of it, on its
 * line, quoted or not, in a repeated property, with its closing quote missing, or in text the
 * parser had to skip.
 */
export function maskedSourceText(text: string): string {
  if (!text.includes("password") && !text.includes("voicemail-p")) return text;
  return maskAfterKeyword(maskSpans(text, secretSpans(text, lex(text))));
}

/** `voicemail-password …` as written, whatever the lexer made of it: a quote left open earlier on
 * the line turns the password into code and the key into the end of a string (or the key stands in
 * a comment), so the tokens cannot see it. The quoted run after the key is masked up to its closing
 * quote or the line's end; an unquoted word after it, unless it is `env` or starts a declaration. */
const PASSWORD_ON_ITS_LINE = /voicemail-password[ \t]*"((?:[^"\\\r\n]|\\[^\r\n])*)|voicemail-password[ \t]+(?!(?:env|server|office|link|release)(?![\w-]))([^\s"{};]+)/g;

function maskAfterKeyword(text: string): string {
  return text.replace(PASSWORD_ON_ITS_LINE, (match: string, quoted: string | undefined, word: string | undefined) => {
    const value = quoted ?? word ?? "";
    return match.slice(0, match.length - value.length) + "*".repeat(value.length);
  });
}
