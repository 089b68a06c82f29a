/** Plain-text tables and paragraphs for terminal reports (simulate, licenses): aligned columns,
 * the last one wrapped so that lines stay within `width` where the other columns allow it. */

export const TERMINAL_WIDTH = 80;

/** Splits text into lines of at most `width` characters at spaces (a longer word stays whole).
 * Leading spaces indent every line. */
export function wrap(text: string, width: number): string[] {
  const indent = /^ */.exec(text)?.[0] ?? "";
  if (indent !== "") return wrap(text.slice(indent.length), width - indent.length).map((line) => indent + line);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/** A paragraph wrapped to `width`, its first line after `first` and the rest after `rest`. */
export function paragraph(text: string, first: string, rest: string, width = TERMINAL_WIDTH): string {
  const lines = wrap(text, Math.max(20, width - rest.length));
  return lines.map((line, index) => `${index === 0 ? first : rest}${line}`).join("\n");
}

export interface TableOptions {
  /** Right-align these columns (counts). */
  readonly alignRight?: readonly number[];
  readonly width?: number;
}

/** Columns two spaces apart, a header underlined with dashes, trailing spaces trimmed. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const width = options.width ?? TERMINAL_WIDTH;
  const last = header.length - 1;
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (column === last ? 0 : (row[column] ?? "").length))),
  );
  const indent = widths.slice(0, last).reduce((sum, columnWidth) => sum + columnWidth + 2, 0);
  const lastWidth = Math.max(20, width - indent, header[last]?.length ?? 0);
  const cell = (text: string, column: number): string =>
    options.alignRight?.includes(column) ? text.padStart(widths[column] as number) : text.padEnd(widths[column] as number);
  const render = (row: readonly string[]): string[] => {
    const lead = row.slice(0, last).map((text, column) => cell(text, column)).join("  ");
    const wrapped = wrap(row[last] ?? "", lastWidth);
    return wrapped.map((line, index) => `${index === 0 ? lead : " ".repeat(lead.length)}${last > 0 ? "  " : ""}${line}`.trimEnd());
  };
  const underline = header.map((title, column) => "-".repeat(column === last ? title.length : (widths[column] as number)));
  return [...render(header), underline.join("  "), ...rows.flatMap(render)].join("\n");
}
