/** A Markdown checklist: sections in menu order, steps numbered across the whole document. */

export interface StepOptions {
  /** DOMAIN.md marks this label or value (inferred): flag it so the engineer checks it. */
  readonly inferred?: boolean;
  /** Changing this field needs an offline edit and a reboot (DOMAIN.md rule 41). */
  readonly offline?: boolean;
  /** Sub-items, e.g. a line's settings. */
  readonly details?: readonly string[];
}

export const INFERRED = "*(inferred)*";
export const OFFLINE = "**offline edit and reboot**";

/** Characters that Markdown would read as markup, in text that comes from the user (the network
 * name). Device names, addresses and domains cannot hold them. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|!]/g, "\\$&");
}

export function value(text: string | number): string {
  return `**${text}**`;
}

export class Checklist {
  private readonly blocks: string[] = [];
  private step = 0;

  constructor(title: string) {
    this.blocks.push(`# ${title}`);
  }

  paragraph(text: string): this {
    this.blocks.push(text);
    return this;
  }

  section(heading: string): this {
    this.blocks.push(`## ${heading}`);
    return this;
  }

  /** Consecutive steps form one ordered list; CommonMark keeps the first number of each list, so
   * numbering runs on across sections. */
  add(text: string, options: StepOptions = {}): this {
    this.step++;
    const marks = [options.inferred ? ` ${INFERRED}` : "", options.offline ? ` — ${OFFLINE}` : ""].join("");
    const lines = [`${this.step}. ${text}${marks}`, ...(options.details ?? []).map((detail) => `   - ${detail}`)];
    const last = this.blocks.length - 1;
    if (this.blocks[last]?.match(/^\d+\. /)) this.blocks[last] += `\n${lines.join("\n")}`;
    else this.blocks.push(lines.join("\n"));
    return this;
  }

  render(): string {
    return this.blocks.join("\n\n") + "\n";
  }
}
