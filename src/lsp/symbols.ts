import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { LinkNode, NetworkItem, OfficeItem, PropertyNode } from "../language/ast.js";
import { failureText } from "../language/names.js";
import type { Span } from "../language/span.js";
import type { Analysis } from "./analysis.js";
import { toLspRange } from "./positions.js";

/** The outline: the network, its servers, offices and links, and their properties. Nodes cut short
 * by a syntax error still appear, with what was read of them. */

function propertyText(property: PropertyNode): string {
  const values = property.values.map((value) => (value.kind === "string" ? value.raw : value.kind === "env" ? `env ${value.variable?.raw ?? ""}` : value.text));
  return values.join(" ");
}

function symbol(analysis: Analysis, name: string, kind: SymbolKind, span: Span, selection: Span, detail: string, children: DocumentSymbol[] = []): DocumentSymbol {
  return {
    name: name.length > 0 ? name : "(unnamed)",
    kind,
    ...(detail ? { detail } : {}),
    range: toLspRange(analysis.lineIndex, span),
    // LSP requires the selection inside the range.
    selectionRange: toLspRange(analysis.lineIndex, selection.start >= span.start && selection.end <= span.end ? selection : span),
    children,
  };
}

function propertySymbol(analysis: Analysis, item: OfficeItem | PropertyNode): DocumentSymbol {
  if (item.kind === "licenses") {
    const entries = item.entries.map((entry) => propertySymbol(analysis, entry));
    return symbol(analysis, "licenses", SymbolKind.Property, item.span, item.keySpan, "", entries);
  }
  // A secret's value never leaves the server, not even into the outline.
  const detail = item.key === "voicemail-password" && item.values[0]?.kind === "string" ? "(literal)" : propertyText(item);
  return symbol(analysis, item.key, SymbolKind.Property, item.span, item.keySpan, detail);
}

function linkName(link: LinkNode): string {
  return `${link.from?.text ?? "?"} -- ${link.to?.text ?? "?"}`;
}

function roleOf(properties: readonly OfficeItem[]): string | undefined {
  const role = properties.find((property): property is PropertyNode => property.kind === "property" && property.key === "role");
  return role?.values[0]?.kind === "word" ? role.values[0].text : undefined;
}

function itemSymbol(analysis: Analysis, item: NetworkItem): DocumentSymbol {
  switch (item.kind) {
    case "property":
      return propertySymbol(analysis, item);
    case "server":
    case "office": {
      const children = item.properties.map((property) => propertySymbol(analysis, property));
      const role = roleOf(item.properties) ?? (item.kind === "office" ? "member" : "");
      const kind = item.kind === "office" ? SymbolKind.Module : SymbolKind.Class;
      return symbol(analysis, item.name?.text ?? "", kind, item.span, item.name?.span ?? item.keywordSpan, `${role} ${item.kind}`.trim(), children);
    }
    case "link": {
      const children = item.properties.map((property) => propertySymbol(analysis, property));
      const groupId = item.properties.find((property) => property.key === "group-id")?.values[0];
      const detail = groupId && groupId.kind === "integer" ? `group-id ${groupId.text}` : "link";
      return symbol(analysis, linkName(item), SymbolKind.Interface, item.span, item.keywordSpan, detail, children);
    }
    case "accept-failure":
      return symbol(analysis, item.failures.map(failureText).join(", "), SymbolKind.Event, item.span, item.keywordSpan, "accepted failure");
  }
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const network = analysis.result.source.network;
  if (!network) return [];
  const children = network.items.map((item) => itemSymbol(analysis, item));
  const name = network.name?.value ?? "";
  return [symbol(analysis, name, SymbolKind.Namespace, network.span, network.name?.span ?? network.keywordSpan, "network", children)];
}
