import { describe, expect, it } from "vitest";
import { citeSource, citeSources, isSourceId, sourceById, sourceIdsIn, sources } from "../../src/sources/catalogue.js";
import { sourcesDocument } from "../../src/sources/document.js";

describe("the sources catalogue", () => {
  it("numbers its sources S1, S2, … without gaps or repeats", () => {
    expect(sources.map((source) => source.id)).toEqual(sources.map((_, index) => `S${index + 1}`));
  });

  it.each(sources.map((source) => [source.id, source] as const))("%s has a title, a publisher, a date and web addresses", (_, source) => {
    expect(source.title.trim().length).toBeGreaterThan(10);
    expect(source.publisher.trim()).not.toBe("");
    expect(source.date.trim()).not.toBe("");
    expect(source.urls.length).toBeGreaterThan(0);
    for (const url of source.urls) expect(url).toMatch(/^https?:\/\/[^\s]+$/);
  });

  it("cites a source by id and title", () => {
    expect(citeSource("S14")).toBe("S14 (Administering Avaya IP Office with Manager R12.3: Small Community Networking)");
    expect(citeSources(["S35", "S34"])).toBe(
      "S35 (Administering Avaya IP Office with Manager R12.3: Editing Security Settings); " +
        "S34 (Avaya IP Office Security Guidelines: Securing Voicemail Pro)",
    );
  });

  it("finds the ids a text mentions, once each, and ignores what is not a catalogued id", () => {
    expect(sourceIdsIn("S1 p52; S14, S1 and S99, not XS2 or S3a")).toEqual(["S1", "S14"]);
    expect(isSourceId("S38")).toBe(true);
    expect(isSourceId("S0")).toBe(false);
    expect(() => sourceById("S0" as never)).toThrow("no source S0");
  });

  it("renders docs/sources.md with one heading per source, so pages can link to sources.md#s14", () => {
    const document = sourcesDocument();
    for (const source of sources) {
      expect(document).toContain(`\n## ${source.id}\n\n**${source.id}**: ${source.title}. ${source.publisher}, ${source.date}.`);
      for (const url of source.urls) expect(document).toContain(`<${url}>`);
    }
  });
});
