import { LineIndex } from "../../src/language/line-index.js";
import { parse } from "../../src/language/parse.js";
import { failureText } from "../../src/language/names.js";
import type { NetworkItem, PropertyNode, ValueNode } from "../../src/language/ast.js";

/** A syntax error as a reader sees it: message, and 1-based start and end (exclusive). */
export interface ShownError {
  readonly message: string;
  readonly at: string;
}

/** The syntax errors of `text`, each with its range as "line:column-line:column". */
export function syntaxErrorsOf(text: string): ShownError[] {
  const source = parse(text);
  const lines = new LineIndex(text);
  return source.syntaxErrors.map((error) => {
    const start = lines.positionAt(error.span.start);
    const end = lines.positionAt(error.span.end);
    return { message: error.message, at: `${start.line}:${start.column}-${end.line}:${end.column}` };
  });
}

function valueText(value: ValueNode): string {
  switch (value.kind) {
    case "string": return value.raw;
    case "env": return `env ${value.variable?.raw ?? "?"}`;
    default: return value.text;
  }
}

function propertyText(property: PropertyNode): string {
  return [property.key, ...property.values.map(valueText)].join(" ");
}

/** The network's items in a compact, readable form, e.g. `office hq { role central; users 300 }`. */
export function outline(text: string): string[] {
  const network = parse(text).network;
  if (!network) return [];
  const item = (node: NetworkItem): string => {
    switch (node.kind) {
      case "property": return propertyText(node);
      case "server":
      case "office": {
        const properties = node.properties.map((property) => property.kind === "licenses"
          ? `licenses { ${property.entries.map(propertyText).join("; ")} }`
          : propertyText(property));
        return `${node.kind} ${node.name?.text ?? "?"} { ${properties.join("; ")} }`;
      }
      case "link": {
        const block = node.hasBlock ? ` { ${node.properties.map(propertyText).join("; ")} }` : "";
        return `link ${node.from?.text ?? "?"} -- ${node.to?.text ?? "?"}${block}`;
      }
      case "accept-failure": return `accept-failure ${node.failures.map(failureText).join(", ")} ${node.reason?.raw ?? "?"}`;
    }
  };
  return [`network ${network.name?.raw ?? "?"}`, ...network.items.map(item)];
}
