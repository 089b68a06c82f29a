import { describe, expect, it } from "vitest";
import { parseIpv4 } from "../../src/ir/values.js";

// parseIpv4 sums each part digit by digit and copies a part out only for its message: the first
// problem found from the left is the one reported, with the part quoted as written.
describe("IPv4 addresses", () => {
  it("accepts four parts of 0-255 and keeps the text", () => {
    expect(parseIpv4("10.65.0.1")).toEqual({ ok: true, value: { text: "10.65.0.1", family: 4 } });
    expect(parseIpv4("0.0.255.255")).toEqual({ ok: true, value: { text: "0.0.255.255", family: 4 } });
  });

  it("quotes the first part out of range, empty or with a leading zero", () => {
    expect(parseIpv4("256.0.0.1")).toEqual({ ok: false, problem: "each part is 0–255, and '256' is not" });
    expect(parseIpv4("10.99999999999999999999.0.1")).toEqual({ ok: false, problem: "each part is 0–255, and '99999999999999999999' is not" });
    expect(parseIpv4("10..0.1")).toEqual({ ok: false, problem: "each part is 0–255, and '' is not" });
    expect(parseIpv4("10.0.1.")).toEqual({ ok: false, problem: "each part is 0–255, and '' is not" });
    expect(parseIpv4("10.01.0.1")).toEqual({ ok: false, problem: "'01' has a leading zero, which some systems read as octal" });
    expect(parseIpv4("300.01.0.1")).toEqual({ ok: false, problem: "each part is 0–255, and '300' is not" });
    expect(parseIpv4("10.0.0.00")).toEqual({ ok: false, problem: "'00' has a leading zero, which some systems read as octal" });
  });

  it("counts the parts, and refuses anything but digits and dots", () => {
    expect(parseIpv4("10.0.1")).toEqual({ ok: false, problem: "an IPv4 address has four parts, such as 10.0.0.1" });
    expect(parseIpv4("10.0.0.1.2")).toEqual({ ok: false, problem: "an IPv4 address has four parts, such as 10.0.0.1" });
    expect(parseIpv4("10.0.0.x")).toEqual({ ok: false, problem: "an IPv4 address is four numbers separated by dots, such as 10.0.0.1" });
    expect(parseIpv4("300.0.0.x")).toEqual({ ok: false, problem: "each part is 0–255, and '300' is not" });
  });
});
