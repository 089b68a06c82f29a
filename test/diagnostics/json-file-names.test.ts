import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonFileName } from "../../src/diagnostics/json.js";

// check --format json and --emit-ir name files as CLI.md shows them ("nets/acme.scn") on every
// platform; in text, Windows names a directory's files nets\acme.scn.
describe("file names in check's JSON", () => {
  it("use / between folders on Windows, and keep a backslash that is part of a name elsewhere", () => {
    expect(jsonFileName("nets\\acme\\site.scn", path.win32.sep)).toBe("nets/acme/site.scn");
    expect(jsonFileName("C:\\nets\\acme.scn", path.win32.sep)).toBe("C:/nets/acme.scn");
    expect(jsonFileName("nets/a\\b.scn", path.posix.sep)).toBe("nets/a\\b.scn");
  });
});
