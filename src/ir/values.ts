import { isIPv6 } from "node:net";
import type { Address, Release } from "./types.js";

/** Value checks shared by lowering and by anything else that reads user values (e.g. the LSP's
 * rename, which must refuse names the language would reject). Each returns a reason or a value. */

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$/;
export const MAX_NAME_LENGTH = 63;
/** Names Windows keeps for devices, in any case and with any extension (S40): build writes
 * `offices/NAME.json` and `NAME.md`, which Windows cannot create for these, and engineers run scnc on Windows. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

export function checkName(text: string): Checked<string> {
  if (!NAME_PATTERN.test(text)) {
    return { ok: false, problem: "a name starts with a letter or '_' and holds letters, digits, '_' and single '-'" };
  }
  if (text.length > MAX_NAME_LENGTH) {
    return { ok: false, problem: `it is ${text.length} characters long; names have at most ${MAX_NAME_LENGTH}` };
  }
  if (WINDOWS_DEVICE_NAME.test(text)) {
    return { ok: false, problem: "Windows keeps this name for a device (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, in any case), so the files build writes for it cannot be created there; choose another name" };
  }
  return { ok: true, value: text };
}

export function parseRelease(text: string): Checked<Release> {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  if (!match) return { ok: false, problem: "a release is MAJOR.MINOR, such as 6.0" };
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major > 99 || minor > 99) return { ok: false, problem: "no IP Office release has a part above 99" };
  return { ok: true, value: { major, minor, text: `${major}.${minor}` } };
}

/** Releases compare numerically: 5.0 < 6.0 < 8.1 < 11.1. */
export function compareReleases(first: Release, second: Release): number {
  return first.major - second.major || first.minor - second.minor;
}

export function releaseBelow(release: Release, major: number, minor = 0): boolean {
  return release.major < major || (release.major === major && release.minor < minor);
}

export function parseIpv4(text: string): Checked<Address> {
  // Hand-rolled rather than split + regex: every office and server has an address, so this runs
  // tens of thousands of times when checking a batch.
  // Each part's value is summed up digit by digit; the part is copied out only for a message.
  let parts = 0;
  let partStart = 0;
  let partValue = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 46;
    if (code !== 46) {
      if (code < 48 || code > 57) return { ok: false, problem: "an IPv4 address is four numbers separated by dots, such as 10.0.0.1" };
      partValue = partValue * 10 + (code - 48);
      continue;
    }
    const partLength = index - partStart;
    if (partLength === 0 || partValue > 255) return { ok: false, problem: `each part is 0–255, and '${text.slice(partStart, index)}' is not` };
    if (partLength > 1 && text.charCodeAt(partStart) === 48) return { ok: false, problem: `'${text.slice(partStart, index)}' has a leading zero, which some systems read as octal` };
    parts++;
    partStart = index + 1;
    partValue = 0;
  }
  if (parts !== 4) return { ok: false, problem: "an IPv4 address has four parts, such as 10.0.0.1" };
  return { ok: true, value: { text, family: 4 } };
}

/** An address written as a string: IPv6, or (leniently) IPv4. */
export function parseAddressString(text: string): Checked<Address> {
  if (/^[\d.]+$/.test(text)) return parseIpv4(text);
  // isIPv6 accepts a zone index ("fe80::1%eth0"), which names an interface of one host and means
  // nothing in another system's configuration (nor can the URL parser below canonicalize it).
  if (text.includes("%")) return { ok: false, problem: "a zone index ('%…') names a network interface of one host; write the address without it" };
  if (!isIPv6(text)) return { ok: false, problem: "it is neither an IPv6 address (such as \"fd00::10\") nor an IPv4 address" };
  // The URL parser gives IPv6's canonical compressed, lower-case form.
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  return { ok: true, value: { text: canonical, family: 6 } };
}

/**
 * An address that parses but that no device has: 255.255.255.255 is Manager's default Voicemail IP
 * Address, which finds a server by broadcast, and must not remain where a specific server is meant
 * (DOMAIN.md rule 33); 0.0.0.0 and :: are the unspecified addresses.
 */
export function checkDeviceAddress(checked: Checked<Address>): Checked<Address> {
  if (!checked.ok) return checked;
  const { text } = checked.value;
  if (text === "255.255.255.255") {
    return { ok: false, problem: "it is the broadcast address (Manager's default Voicemail IP Address, which looks for a server by broadcast); give the device's own address" };
  }
  if (text === "0.0.0.0" || text === "::") return { ok: false, problem: "it is the unspecified address, which no device has; give the device's own address" };
  return checked;
}

const DNS_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function checkMailDomain(text: string): Checked<string> {
  if (text.length > 253) return { ok: false, problem: "a DNS name has at most 253 characters" };
  const labels = text.split(".");
  if (labels.length < 2) return { ok: false, problem: "a mail domain is a DNS name with at least one dot, such as vm1.example.com" };
  for (const label of labels) {
    if (!DNS_LABEL.test(label)) {
      return { ok: false, problem: `'${label}' is not a DNS label (letters, digits and '-', 1–63 characters, not starting or ending with '-')` };
    }
  }
  return { ok: true, value: text.toLowerCase() };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkEnvironmentVariable(text: string): Checked<string> {
  return ENV_NAME.test(text)
    ? { ok: true, value: text }
    : { ok: false, problem: "an environment variable name holds letters, digits and '_' and does not start with a digit" };
}

export function parseInteger(text: string, minimum: number, maximum: number, what: string): Checked<number> {
  const value = Number(text);
  if (value < minimum || value > maximum) return { ok: false, problem: `${what} is ${minimum}–${maximum}` };
  return { ok: true, value };
}
