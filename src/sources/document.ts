import { sources, type Source } from "./catalogue.js";

/** One source as a Markdown list entry: id and title, then publisher, date and where it was read. */
export function sourceEntry(source: Source): string {
  return `**${source.id}**: ${source.title}. ${source.publisher}, ${source.date}. ${source.urls.map((url) => `<${url}>`).join(" ; ")}`;
}

/** docs/sources.md: the whole catalogue, one heading per source so pages can link to `sources.md#s14`. */
export function sourcesDocument(): string {
  const sections = [
    "# Sources",
    "Every rule, checklist step and simulation result scnc gives rests on the documents below, and cites them by id " +
      "and title (for example \"S14 (Administering Avaya IP Office with Manager R12.3: Small Community Networking)\"). " +
      "Where no document settles a point, scnc marks it *(inferred)* and says so on the rule's page " +
      "(`scnc explain ID`). Ids never change; a new source takes the next number.",
    "This file is generated from `src/sources/catalogue.ts` by `npm run docs:rules`; do not edit it by hand.",
    ...sources.map((source) => `## ${source.id}\n\n${sourceEntry(source)}`),
  ];
  return sections.join("\n\n") + "\n";
}
