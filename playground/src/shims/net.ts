// node:net's isIPv6 for the browser: the URL parser accepts exactly the IPv6 literals (zone ids
// aside, which scnc rejects as Node does: `%` never parses here).
export function isIPv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(":")) return false;
  try {
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}
