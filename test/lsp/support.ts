import { analyze, type Analysis } from "../../src/lsp/analysis.js";

export const URI = "file:///work/net.scn";

/** Text with one `|` marking the cursor: the analysis of the text without it, and the cursor's offset. */
export function at(marked: string): { analysis: Analysis; offset: number } {
  const offset = marked.indexOf("|");
  if (offset === -1) throw new Error("no | cursor in the text");
  return { analysis: analyze(URI, 1, marked.slice(0, offset) + marked.slice(offset + 1)), offset };
}

export const ACME = `network "Acme" {
  release 6.0
  voicemail-password "hunter2"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.acme.example" failback automatic 5 }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.acme.example" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.acme.example" platform linux }
  office hq { role central address 10.0.0.1 users 300 uses ums licenses { preferred-edition voicemail-ports 8 ums 40 } }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 voicemail vm-east licenses { preferred-edition voicemail-ports 2 } }
  office branch { address 10.3.0.1 release 8.1 }
  link hq -- dr { group-id 100 }
  link hq -- east { group-id 101 }
  link east -- branch { group-id 102 }
}
`;

/** ACME with a cursor placed before the n-th occurrence (from 0) of `needle`, plus `shift` characters. */
export function acmeAt(needle: string, occurrence = 0, shift = 0): { analysis: Analysis; offset: number } {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) index = ACME.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`'${needle}' not found`);
  return { analysis: analyze(URI, 1, ACME), offset: index + shift };
}

/** A network that every rule accepts (nothing to report, not even an info). */
export const VALID = 'network "N" {\n  release 6.0\n  server vm-hq { role central address 10.0.0.10 }\n  office hq { role central address 10.0.0.1 licenses { preferred-edition } }\n  office east { address 10.0.0.2 }\n  office dr { role fallback address 10.0.0.3 licenses { preferred-edition } }\n  link hq -- east { group-id 100 }\n  link hq -- dr { group-id 101 }\n}\n';
