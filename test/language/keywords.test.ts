import { describe, expect, it } from "vitest";
import { lex } from "../../src/language/lexer.js";
import { Identifier, keywordAt, keywordsByText } from "../../src/language/tokens.js";

// The lexer finds keywords in the text without copying the word (tokens.ts keywordAt): a word is a
// keyword only when it is spelled exactly so, never when a keyword starts or ends it.
describe("keywords in the text", () => {
  it("every keyword is read as its token type, its image the keyword's spelling", () => {
    for (const [text, tokenType] of keywordsByText) {
      const [token] = lex(`  ${text} `).tokens;
      expect(token?.tokenType).toBe(tokenType);
      expect(token?.image).toBe(text);
      expect(token?.startOffset).toBe(2);
    }
  });

  it("a word a keyword starts, or one letter short of it, or of another case, is a name", () => {
    for (const word of ["users2", "user", "voicemail-prox", "voicemail-password2", "voicemai", "Office", "offices", "tt", "group-ids", "z", "_office"]) {
      const tokens = lex(word).tokens;
      expect(tokens[0]?.tokenType, word).toBe(Identifier);
      expect(tokens[0]?.image, word).toBe(word);
    }
  });

  it("looks at the given stretch only", () => {
    const text = "xvoicemail-portsx";
    expect(keywordAt(text, 1, 16)?.text).toBe("voicemail-ports");
    expect(keywordAt(text, 1, 10)?.text).toBe("voicemail");
    expect(keywordAt(text, 1, 11)).toBeUndefined();
    expect(keywordAt(text, 0, 16)).toBeUndefined();
    expect(keywordAt("é", 0, 1)).toBeUndefined();
  });
});
