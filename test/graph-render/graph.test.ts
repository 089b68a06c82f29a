import { readdirSync, readFileSync } from "node:fs";
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { beforeAll, describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { renderDot } from "../../src/graph-render/dot.js";
import { renderMermaid } from "../../src/graph-render/mermaid.js";
import { topology } from "../../src/graph-render/topology.js";
import { repositoryRoot, runCli } from "../support/cli.js";

const examples = readdirSync(`${repositoryRoot}/examples`).filter((name) => name.endsWith(".scn")).sort();

let graphviz: Awaited<ReturnType<typeof Graphviz.load>>;
beforeAll(async () => {
  graphviz = await Graphviz.load();
});

const ACME = checkText(`network "Acme \\"East\\"" {
  release 6.0
  voicemail-password env "VM"
  server vm-hq   { role central     address 10.0.0.10 mail-domain "vm-hq.acme.example" }
  server vm-dr   { role backup      address 10.1.0.10 mail-domain "vm-dr.acme.example" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.acme.example" }
  office hq     { role central  address 10.0.0.1 licenses { preferred-edition } }
  office dr     { role fallback address 10.1.0.1 licenses { preferred-edition } }
  office east   { address 10.2.0.1 voicemail vm-east licenses { preferred-edition } }
  office branch { address 10.3.0.1 release 8.1 }
  link hq -- dr       { group-id 100 }
  link hq -- east     { group-id 101 }
  link east -- branch { group-id 102 }
}
`).network;

describe("graph --format dot", () => {
  it("renders every example to SVG with Graphviz", async () => {
    for (const example of examples) {
      const run = await runCli(["graph", `examples/${example}`, "--format", "dot"]);
      expect(run.code, example).toBe(0);
      const svg = graphviz.dot(run.stdout);
      expect(svg, example).toMatch(/<svg[\s\S]*<\/svg>/);
    }
  });

  it("draws shapes by role, links with group ids, and dashed uses and backup edges", () => {
    const dot = renderDot(topology(ACME));
    expect(dot).toMatch(/^ {2}"hq" \[shape=hexagon, peripheries=2, label="hq\\ncentral office · R6\.0"\];$/m);
    expect(dot).toMatch(/^ {2}"dr" \[shape=box, style=rounded, /m);
    expect(dot).toMatch(/^ {2}"branch" \[shape=box, label="branch\\nmember office · R8\.1"\];$/m);
    expect(dot).toMatch(/^ {2}"vm-east" \[shape=cylinder, /m);
    expect(dot).toMatch(/^ {2}"east" -- "branch" \[label="group 102"\];$/m);
    expect(dot).toMatch(/^ {2}"east" -- "vm-east" \[style=dashed, dir=forward\];$/m);
    expect(dot).toMatch(/^ {2}"branch" -- "vm-hq" \[style=dashed, dir=forward\];$/m);
    expect(dot).toMatch(/^ {2}"vm-dr" -- "vm-hq" \[label="backup of", style=dashed, dir=forward\];$/m);
  });

  it("is drawn by Graphviz as it says: dashed uses and backup edges, solid labelled links, a hexagon for the central office", () => {
    // Graphviz ignores an attribute value it does not know, so read the drawing, not only the DOT.
    const svg = graphviz.dot(renderDot(topology(ACME)));
    const groups = svg.split(/(?=<g id="(?:node|edge)\d+" class=")/).slice(1);
    const title = (group: string) => (/<title>([^<]*)<\/title>/.exec(group)?.[1] ?? "").replaceAll("&#45;", "-");
    const edges = groups.filter((group) => group.includes('class="edge"'));
    const dashed = edges.filter((group) => group.includes("stroke-dasharray")).map(title).sort();
    expect(dashed).toEqual(["branch--vm-hq", "dr--vm-hq", "east--vm-east", "hq--vm-hq", "vm-dr--vm-hq"]);
    const solid = edges.filter((group) => !group.includes("stroke-dasharray"));
    expect(solid.map((group) => [title(group), />(group \d+)<\/text>/.exec(group)?.[1]])).toEqual([
      ["hq--dr", "group 100"], ["hq--east", "group 101"], ["east--branch", "group 102"],
    ]);
    const hq = groups.find((group) => group.includes('class="node"') && title(group) === "hq") ?? "";
    const hexagons = [...hq.matchAll(/<polygon [^>]*points="([^"]*)"/g)].map((match) => match[1]!.trim().split(" ").length);
    expect(hexagons).toEqual([7, 7]); // a closed six-cornered outline, drawn twice (peripheries=2)
  });

  it("escapes the network name, and Graphviz reads it back", () => {
    const dot = renderDot(topology(ACME));
    expect(dot.split("\n")[0]).toBe('graph "Acme \\"East\\"" {');
    expect(graphviz.dot(dot)).toMatch(/Acme &quot;East&quot;/);
  });
});

/** Mermaid's flowchart grammar, for the subset the renderer writes. */
const MERMAID_NODE = /^ {2}(\w+)(\{\{|\(\[|\[\(|\[)"([^"]*)"(\}\}|\]\)|\)\]|\])$/;
const MERMAID_EDGE = /^ {2}(\w+) (---|-\.->)(?:\|([^|]+)\|)? (\w+)$/;
const CLOSERS: Record<string, string> = { "{{": "}}", "([": "])", "[(": ")]", "[": "]" };

function parseMermaid(text: string) {
  const lines = text.trimEnd().split("\n");
  expect(lines.slice(0, 4)).toEqual(["---", expect.stringMatching(/^title: ".*"$/), "---", "flowchart LR"]);
  const nodes = new Map<string, { shape: string; label: string }>();
  const edges: { from: string; arrow: string; label: string | undefined; to: string }[] = [];
  for (const line of lines.slice(4)) {
    const node = MERMAID_NODE.exec(line);
    const edge = MERMAID_EDGE.exec(line);
    if (node) {
      const [, id, open, label, close] = node as unknown as [string, string, string, string, string];
      expect(close, line).toBe(CLOSERS[open]);
      expect(nodes.has(id), `${id} declared twice`).toBe(false);
      nodes.set(id, { shape: open, label });
    } else if (edge) {
      const [, from, arrow, label, to] = edge as unknown as [string, string, string, string | undefined, string];
      edges.push({ from, arrow, label, to });
    } else {
      throw new Error(`not a node or an edge: ${line}`);
    }
  }
  for (const edge of edges) expect(nodes.has(edge.from) && nodes.has(edge.to), JSON.stringify(edge)).toBe(true);
  return { nodes, edges };
}

describe("graph --format mermaid", () => {
  it("writes well-formed flowcharts for every example: each node once, edges between declared nodes", async () => {
    for (const example of examples) {
      const run = await runCli(["graph", `examples/${example}`]);
      expect(run.code, example).toBe(0);
      const { network } = checkText(readFileSync(`${repositoryRoot}/examples/${example}`, "utf8"));
      const { nodes, edges } = parseMermaid(run.stdout);
      expect(nodes.size).toBe(network.offices.length + network.servers.length);
      expect(edges.filter((edge) => edge.arrow === "---")).toHaveLength(network.links.length);
      expect(edges.filter((edge) => edge.arrow === "-.->").length).toBeGreaterThanOrEqual(network.offices.length);
    }
  });

  it("draws shapes by role and labels links with their group ids", () => {
    const { nodes, edges } = parseMermaid(renderMermaid(topology(ACME)));
    const byName = new Map([...nodes.values()].map((node) => [node.label.split("<br/>")[0], node.shape]));
    expect(Object.fromEntries(byName)).toEqual({ hq: "{{", dr: "([", east: "[", branch: "[", "vm-hq": "[(", "vm-dr": "[(", "vm-east": "[(" });
    expect(edges.filter((edge) => edge.arrow === "---").map((edge) => edge.label)).toEqual(["group 100", "group 101", "group 102"]);
    expect(edges.filter((edge) => edge.label === "backup of")).toHaveLength(1);
  });

  it("escapes quotes in the title and labels", () => {
    const text = renderMermaid(topology(ACME));
    expect(text.split("\n")[1]).toBe('title: "Acme \\"East\\""');
  });

  it("writes the same bytes every time", async () => {
    const first = await runCli(["graph", "examples/acme.scn"]);
    const second = await runCli(["graph", "examples/acme.scn"]);
    expect(second.stdout).toBe(first.stdout);
  });
});

describe("scnc graph", () => {
  it("refuses a network with errors (exit 1) and rejects an unknown format (exit 2)", async () => {
    expect((await runCli(["graph", "examples/broken/roles.scn"])).code).toBe(1);
    expect((await runCli(["graph", "examples/acme.scn", "--format", "svg"])).code).toBe(2);
  });
});
