import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { checkedFile } from "../../src/diagnostics/checked-file.js";
import { codeFrame } from "../../src/diagnostics/code-frame.js";
import { maskedSourceText } from "../../src/diagnostics/masked-source.js";
import { renderText } from "../../src/diagnostics/text.js";
import { LineIndex } from "../../src/language/line-index.js";

// Issue 17 item 6: a 6 MB line with a diagnostic on every item once took 124 s against 3.6 s with
// newlines, because each code frame copied and scanned the whole line (tabs to spaces, masks).
// Frames now read a window around their column; the fuzz property `large-inputs` bounds the time.

const ITEM = "office o { users x }\t";

function longLine(items: number): string {
  return `network "N" {\t${ITEM.repeat(items)}}\n`;
}

describe("code frames on a very long line", () => {
  const text = longLine(300_000); // 6.3 MB on one line
  const lines = new LineIndex(text);

  it("quotes a window around the column, cut with … on both sides", () => {
    const middle = text.indexOf("x", 3_000_000);
    const frame = codeFrame(lines, { start: middle, end: middle + 1 });
    const [quoted, marker] = frame.split("\n") as [string, string];
    expect(quoted.length).toBeLessThan(200);
    expect(quoted).toMatch(/^ 1 \| …[^…]*office o \{ users x \} /);
    expect(quoted.endsWith("…")).toBe(true);
    // The caret stands under the x it points at.
    expect(quoted[marker.indexOf("^")]).toBe("x");
    expect(marker.trimEnd().endsWith(" ^")).toBe(true);
  });

  it("starts at the line's start and ends at its end without an ellipsis there", () => {
    const first = codeFrame(lines, { start: 0, end: 7 }).split("\n")[0] as string;
    expect(first).toMatch(/^ 1 \| network "N" \{ office/);
    expect(first.endsWith("…")).toBe(true);
    const end = text.length - 2;
    const [last, marker] = codeFrame(lines, { start: end, end: end + 1 }).split("\n") as [string, string];
    expect(last).toMatch(/^ 1 \| …/);
    expect(last.endsWith("}")).toBe(true);
    expect(last[marker.indexOf("^")]).toBe("}");
  });

  it("masks a password cut by the window's edge and points past it", () => {
    const secret = "S".repeat(2000);
    const withSecret = `network "N" {\tvoicemail-password "${secret}" users x\t${ITEM.repeat(1000)}}\n`;
    const file = checkedFile("n.scn", maskedSourceText(withSecret), checkText(withSecret).diagnostics);
    const rendered = renderText([file], { color: false });
    expect(rendered).not.toContain("SSSS");
  });

  it("renders every diagnostic of the line", () => {
    const small = longLine(20_000);
    const { diagnostics } = checkText(small);
    const rendered = renderText([checkedFile("n.scn", small, diagnostics)], { color: false });
    expect(diagnostics.length).toBeGreaterThanOrEqual(20_000);
    expect(rendered.split("\n").filter((line) => line.startsWith("n.scn:1:")).length).toBe(diagnostics.length);
    expect(rendered.split("\n").reduce((longest, line) => Math.max(longest, line.length), 0)).toBeLessThan(400);
  });
});
