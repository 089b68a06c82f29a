/**
 * Lays out DOT text as SVG with Graphviz compiled to WebAssembly. Imported only by `scnc report`
 * (and loaded there lazily), so no other command pays for the WebAssembly at start-up.
 */
export async function layoutSvg(dot: string): Promise<string> {
  const { Graphviz } = await import("@hpcc-js/wasm-graphviz");
  const graphviz = await Graphviz.load();
  return inlineSvg(graphviz.dot(dot));
}

/** Graphviz's SVG document as an element that can sit inside HTML: no XML prolog, no doctype, no
 * comments (one names the Graphviz version, which is not the report's business). */
export function inlineSvg(document: string): string {
  const start = document.indexOf("<svg");
  return document
    .slice(start < 0 ? 0 : start)
    .replace(/<!--[\s\S]*?-->\n?/g, "")
    .trim();
}
