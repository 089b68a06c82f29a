// The document in the URL's hash, deflated (fflate) and base64url-encoded: the link carries the
// whole network, and no server ever sees it (a hash is not sent in requests).
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

const PREFIX = "#scn=";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

export function encodeShared(text: string): string {
  return PREFIX + toBase64Url(deflateSync(strToU8(text), { level: 9 }));
}

/** The shared document, or undefined when the hash holds none (or a damaged one). */
export function decodeShared(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    return strFromU8(inflateSync(fromBase64Url(hash.slice(PREFIX.length))));
  } catch {
    return undefined;
  }
}
