import type { SettingValue, Step, StepSection, StepSetting } from "../steps/model.js";
import { stepSources } from "../steps/model.js";
import { sourceLegend } from "../../sources/catalogue.js";
import { printableLines } from "../../text/printable.js";

/** A Markdown checklist: sections in the order of the work, steps numbered across the whole document. */

export const INFERRED = "*(inferred)*";

/** Each section's heading. */
export const SECTION_HEADINGS: Record<StepSection, string> = {
  licences: "Licences",
  lines: "Lines",
  system: "System > System",
  "system-voicemail": "System > Voicemail",
  send: "Send the configuration",
  security: "Security Settings, online",
  "smtp-service": "SMTP service",
  "preferences-general": "Preferences > General",
  "preferences-email": "Preferences > Email",
};

/** Characters that Markdown would read as markup, in text that comes from the user (the network
 * name). Device names, addresses and domains cannot hold them. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|!]/g, "\\$&");
}

export function value(text: string | number): string {
  return `**${text}**`;
}

function shownValue(item: SettingValue): string {
  if (typeof item === "boolean") return value(item ? "ticked" : "not ticked");
  return item === null ? "" : value(item);
}

function settingText(item: StepSetting): string {
  const shown = shownValue(item.value);
  const note = item.note ? (shown === "" ? item.note : ` (${item.note})`) : "";
  return `${item.label}: ${shown}${note}${item.inferred ? ` ${INFERRED}` : ""}`;
}

function tabbed(item: StepSetting): string {
  return `${item.tab ? `${item.tab} tab > ` : ""}${settingText(item)}`;
}

function cited(step: Step): string {
  const sources = stepSources(step);
  return sources.length === 0 ? "" : ` [${sources.join(", ")}]`;
}

/**
 * One step as Markdown list lines (without its number): the menu path, then either the one field
 * and its value on the same line, or the action with each field beneath it; notes last. The runbook
 * uses the same words.
 */
export function stepLines(step: Step): string[] {
  const path = step.menuPath.join(" > ");
  const inline = step.action === undefined && step.settings.length === 1 ? step.settings[0] : undefined;
  const reboot = step.changeClass === "reboot" && step.section !== "send" ? " — not mergeable: needs a **Reboot**" : "";
  const head = inline
    ? `${path} > ${settingText({ ...inline, inferred: inline.inferred || step.inferred })}`
    : `${path}${step.action ? `: ${step.action}` : ""}${step.inferred ? ` ${INFERRED}` : ""}`;
  const details = [...(inline ? [] : step.settings.map(tabbed)), ...step.notes];
  return [`${head}${reboot}${cited(step)}`, ...details.map((detail) => `   - ${detail}`)];
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
  add(step: Step): this {
    this.step++;
    const [first, ...rest] = stepLines(step);
    const lines = [`${this.step}. ${first}`, ...rest];
    const last = this.blocks.length - 1;
    if (this.blocks[last]?.match(/^\d+\. /)) this.blocks[last] += `\n${lines.join("\n")}`;
    else this.blocks.push(lines.join("\n"));
    return this;
  }

  /** The steps in their sections, in the order given; `empty` gives a section with no steps a
   * sentence instead of leaving it out. */
  sections(steps: readonly Step[], order: readonly StepSection[], empty: Partial<Record<StepSection, string>> = {},
    intro: Partial<Record<StepSection, string>> = {}): this {
    for (const section of order) {
      const inSection = steps.filter((step) => step.section === section);
      const none = empty[section];
      if (inSection.length === 0 && none === undefined) continue;
      this.section(SECTION_HEADINGS[section]);
      const opening = intro[section];
      if (opening && inSection.length > 0) this.paragraph(opening);
      if (inSection.length === 0 && none) this.paragraph(none);
      for (const step of inSection) this.add(step);
    }
    return this;
  }

  /** Steps cite sources by id; the closing Sources section gives each cited id its title
   * (docs/sources.md has publisher, date and address). */
  render(): string {
    // The network name and accepted reasons come from the input: a checklist is read in a terminal too.
    const body = printableLines(this.blocks.join("\n\n"));
    const legend = sourceLegend(body);
    if (legend.length === 0) return body + "\n";
    return `${body}\n\n## Sources\n\n${legend.map((line) => `- ${escapeMarkdown(line)}`).join("\n")}\n`;
  }
}
