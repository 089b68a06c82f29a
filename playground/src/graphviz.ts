// Graphviz (WebAssembly) for the playground, as its own script: the page loads it the first time
// the Graph or Report tab needs a drawing, and it sets a global the page reads.
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { inlineSvg } from "../../src/report/svg.js";

(globalThis as unknown as { scncLayout: (dot: string) => Promise<string> }).scncLayout = async (dot: string) => inlineSvg((await Graphviz.load()).dot(dot));
