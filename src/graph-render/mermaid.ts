import type { Topology, TopologyNode } from "./topology.js";
import { printableLines } from "../text/printable.js";

/** Mermaid node shapes by kind and role: [open, close] around the quoted label. */
const SHAPES: Record<string, readonly [string, string]> = {
  "office:central": ["{{", "}}"],
  "office:fallback": ["([", "])"],
  "office:member": ["[", "]"],
  "server:central": ["[(", ")]"],
  "server:backup": ["[(", ")]"],
  "server:distributed": ["[(", ")]"],
};

/** Mermaid labels are HTML: quotes and markup characters become entity codes. */
function escapeLabel(text: string): string {
  return text.replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

function nodeLine(node: TopologyNode): string {
  const [open, close] = SHAPES[`${node.kind}:${node.role}`] ?? ["[", "]"];
  return `  ${node.id}${open}"${node.label.map(escapeLabel).join("<br/>")}"${close}`;
}

/** A Mermaid flowchart: solid links with their group ids, dotted arrows for "uses" and "backup". */
export function renderMermaid(topology: Topology): string {
  const lines = ["---", `title: ${JSON.stringify(topology.name)}`, "---", "flowchart LR", ...topology.nodes.map(nodeLine)];
  for (const edge of topology.edges) {
    const label = edge.label ? `|${escapeLabel(edge.label)}|` : "";
    lines.push(`  ${edge.from} ${edge.kind === "link" ? "---" : "-.->"}${label} ${edge.to}`);
  }
  return printableLines(lines.join("\n") + "\n");
}
