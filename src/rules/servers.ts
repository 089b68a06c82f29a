import type { Network } from "../ir/types.js";

/** Whether the network has a server that syncs or forwards over SMTP (a backup or distributed one). */
export function hasSmtpPeers(network: Network): boolean {
  return network.servers.some((server) => !server.isDuplicate && (server.role?.value === "backup" || server.role?.value === "distributed"));
}

/** An environment variable for the voicemail password, named after the network: "Acme" →
 * ACME_VM_PASSWORD (prefixed with SCN when the name gives nothing usable or starts with a digit). */
export function passwordVariable(networkName: string): string {
  const stem = networkName.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  const prefix = stem === "" ? "SCN" : /^\d/.test(stem) ? `SCN_${stem}` : stem;
  return `${prefix}_VM_PASSWORD`;
}
