import type { Topology, TopologyNode } from "./topology.js";
import { printableLines } from "../text/printable.js";

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`. */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

const SHAPES: Record<string, string> = {
  "office:central": 'shape=hexagon, peripheries=2',
  "office:fallback": 'shape=box, style=rounded',
  "office:member": "shape=box",
  "server:central": "shape=cylinder, peripheries=2",
  "server:backup": "shape=cylinder",
  "server:distributed": "shape=cylinder",
};

function nodeLine(node: TopologyNode): string {
  return `  ${quoted(node.name)} [${SHAPES[`${node.kind}:${node.role}`]}, label=${quoted(node.label.join("\n"))}];`;
}

/** Graphviz DOT: an undirected graph whose dashed "uses" and "backup" edges carry arrowheads.
 * Nodes are named after the devices, so the text reads like the .scn file. */
export function renderDot(topology: Topology): string {
  const names = new Map(topology.nodes.map((node) => [node.id, quoted(node.name)]));
  const lines = [
    `graph ${quoted(topology.name)} {`,
    `  graph [label=${quoted(topology.name)}, labelloc=t, rankdir=LR, fontname="Helvetica"];`,
    `  node [fontname="Helvetica", fontsize=11];`,
    `  edge [fontname="Helvetica", fontsize=10];`,
    ...topology.nodes.map(nodeLine),
  ];
  for (const edge of topology.edges) {
    const attributes = edge.kind === "link" ? [] : ["style=dashed", "dir=forward"];
    if (edge.label) attributes.unshift(`label=${quoted(edge.label)}`);
    lines.push(`  ${names.get(edge.from)} -- ${names.get(edge.to)}${attributes.length > 0 ? ` [${attributes.join(", ")}]` : ""};`);
  }
  lines.push("}");
  return printableLines(lines.join("\n") + "\n");
}
