import { describe, expect, it } from "vitest";
import { checkName } from "../../src/ir/values.js";

describe("names Windows cannot use as file names", () => {
  it.each(["con", "CON", "Prn", "aux", "nul", "com1", "COM9", "lpt1", "LpT9", "con.x", "NUL.json", "com3.tar.gz"])("refuses %s", (name) => {
    const checked = checkName(name);
    expect(checked.ok).toBe(false);
  });

  it.each(["com0", "com10", "lpt0", "lpt10", "console", "con-x", "auxiliary", "nul_1"])("accepts %s", (name) => {
    expect(checkName(name)).toEqual({ ok: true, value: name });
  });
});
