import fc from "fast-check";
import { keywordsByText } from "../../../src/language/tokens.js";

/**
 * Token soup: the language's own words, names, values, braces, comment and string fragments and a
 * few hostile characters, in any order. It reaches parser states that neither random strings nor
 * valid networks do.
 */

const words = [
  ...keywordsByText.keys(), "hq", "east", "vm-hq", "a-b", "_x", "A", "HQ",
  "{", "}", ";", "--", "-", "—", '"Acme"', '"fd00::10"', '"10.0.0.1"', '"unterminated', '"a\\qb"', '"\\""',
  "6.0", "5.0", "12.2", "6", "0", "90000", "100001", "10.0.0.1", "10.0.0", "1.2.3.4.5", "010.0.0.1", "256.1.1.1",
  "// comment", "/* block */", "/* open", "*/", "@", "\u00e9", "😀", "\uFEFF", "\0", "\r", "\t",
  "// scnc-disable-next-line group-id-missing", "/* scnc-disable-next-line unknown-reference, nope */",
];
const separator = fc.constantFrom(" ", "\n", "\r\n", "\t", "", "  ");

export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.tuple(fc.constantFrom(...words), separator), { maxLength: 80 })
  .map((parts) => parts.map(([word, space]) => word + space).join(""));

/** Soup inside a network declaration, which makes it reach deeper into the grammar than at file level. */
export const networkSoup: fc.Arbitrary<string> = fc.tuple(tokenSoup, fc.boolean()).map(([soup, closed]) => `network "N" { ${soup}${closed ? " }" : ""}`);
