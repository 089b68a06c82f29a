import type { FailureNode, NameNode, NetworkNode } from "./ast.js";

/**
 * Where office and server names occur: where each is declared, and where `voicemail X` and
 * `link A -- B` (and `accept-failure`) refer to one. Offices and servers share one namespace, so an
 * occurrence is matched to others by its text alone; `kind` says what the place expects (a link end
 * is an office, `voicemail` names a server, a lone name in `accept-failure` either), which
 * completion and hover use.
 */
export interface NameOccurrence {
  readonly name: NameNode;
  readonly role: "declaration" | "reference";
  readonly kind: "office" | "server" | "device";
}

/** A failure as `simulate --fail` names it: `hq`, or `hq--dr` for a link. */
export function failureText(failure: FailureNode): string {
  return failure.isLink ? `${failure.from?.text ?? "?"}--${failure.to?.text ?? "?"}` : failure.from?.text ?? "?";
}

export function nameOccurrences(network: NetworkNode | undefined): NameOccurrence[] {
  const occurrences: NameOccurrence[] = [];
  if (!network) return occurrences;
  for (const item of network.items) {
    if (item.kind === "server" || item.kind === "office") {
      if (item.name) occurrences.push({ name: item.name, role: "declaration", kind: item.kind });
    }
    if (item.kind === "office") {
      for (const property of item.properties) {
        if (property.kind !== "property" || property.key !== "voicemail") continue;
        for (const value of property.values) {
          if (value.kind === "name") occurrences.push({ name: value, role: "reference", kind: "server" });
        }
      }
    }
    if (item.kind === "link") {
      if (item.from) occurrences.push({ name: item.from, role: "reference", kind: "office" });
      if (item.to) occurrences.push({ name: item.to, role: "reference", kind: "office" });
    }
    if (item.kind === "accept-failure") {
      for (const failure of item.failures) {
        if (failure.from) occurrences.push({ name: failure.from, role: "reference", kind: failure.isLink ? "office" : "device" });
        if (failure.to) occurrences.push({ name: failure.to, role: "reference", kind: "office" });
      }
    }
  }
  return occurrences;
}
