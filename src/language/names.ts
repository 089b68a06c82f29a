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

type Visit = (name: NameNode, role: NameOccurrence["role"], kind: NameOccurrence["kind"]) => void;

/** Calls `visit` for each occurrence, in text order, without building the list. */
function visitNameOccurrences(network: NetworkNode, visit: Visit): void {
  for (const item of network.items) {
    if (item.kind === "server" || item.kind === "office") {
      if (item.name) visit(item.name, "declaration", item.kind);
    }
    if (item.kind === "office") {
      for (const property of item.properties) {
        if (property.kind !== "property" || property.key !== "voicemail") continue;
        for (const value of property.values) {
          if (value.kind === "name") visit(value, "reference", "server");
        }
      }
    }
    if (item.kind === "link") {
      if (item.from) visit(item.from, "reference", "office");
      if (item.to) visit(item.to, "reference", "office");
    }
    if (item.kind === "accept-failure") {
      for (const failure of item.failures) {
        if (failure.from) visit(failure.from, "reference", failure.isLink ? "office" : "device");
        if (failure.to) visit(failure.to, "reference", "office");
      }
    }
  }
}

export function nameOccurrences(network: NetworkNode | undefined): NameOccurrence[] {
  const occurrences: NameOccurrence[] = [];
  if (network) visitNameOccurrences(network, (name, role, kind) => void occurrences.push({ name, role, kind }));
  return occurrences;
}

/** Whether a reserved word is used as a name anywhere; almost never, so every parse asks this
 * before it lists the occurrences. */
export function hasReservedName(network: NetworkNode): boolean {
  let found = false;
  visitNameOccurrences(network, (name) => {
    if (name.reserved) found = true;
  });
  return found;
}
