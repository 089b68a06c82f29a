import { describe, expect, it } from "vitest";
import { formatText } from "../../src/format/format.js";

// Issue 17 item 6: `fmt` on 200,000 comments after the closing brace overflowed the stack
// (Prettier flushed them, as trailing line suffixes, with one spread call).

describe("formatting long runs of comments", () => {
  it("formats 200,000 comments after the closing brace, keeping them as they were", async () => {
    const comments = Array.from({ length: 200_000 }, (_, index) => `// c${index}\n`).join("");
    const text = `network "N" {\n  release 6.0\n}\n${comments}`;
    const result = await formatText(text);
    expect(result.ok && result.formatted).toBe(text);
  }, 60_000);

  it("keeps comments after the brace where they were written: on its line, own lines, one blank line", async () => {
    const text = 'network "N" {\n  release 6.0\n}   // end\n/* b */   // x\n\n\n\n// after blank\n/* multi\n   line */ /* same */\n';
    const result = await formatText(text);
    expect(result.ok && result.formatted).toBe('network "N" {\n  release 6.0\n} // end\n/* b */ // x\n\n// after blank\n/* multi\n   line */ /* same */\n');
  });
});
