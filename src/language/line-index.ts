/** A 1-based line and column. Columns count UTF-16 code units; a tab counts as one column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Converts offsets to lines and columns. Built on first use only: most files that check clean
 * never need a line number, and scanning for line ends is the costliest part of positions.
 */
export class LineIndex {
  private lineStarts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const starts = this.starts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] as number) + 1 };
  }

  /** Offset of a 1-based line's first character (the text's length past the last line). */
  lineStart(line: number): number {
    const starts = this.starts();
    if (line < 1) return 0;
    if (line > starts.length) return this.text.length;
    return starts[line - 1] as number;
  }

  /** The text of a 1-based line, without its line end. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    let end = line < this.lineCount ? this.lineStart(line + 1) : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  get lineCount(): number {
    return this.starts().length;
  }

  /** Lines end at `\n`, `\r\n` and, as editors and the LSP count them, at a lone `\r` (which the
   * lexer reports), so positions agree with what the user's editor shows. */
  private starts(): Int32Array {
    if (this.lineStarts) return this.lineStarts;
    const offsets: number[] = [0];
    const text = this.text;
    if (text.indexOf("\r") === -1) {
      for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) offsets.push(index + 1);
    } else {
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) offsets.push(index + 1);
      }
    }
    this.lineStarts = Int32Array.from(offsets);
    return this.lineStarts;
  }
}

/** The line end a text uses (CRLF when it has any), for edits that add lines. */
export function lineEndingOf(text: string): "\n" | "\r\n" {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
