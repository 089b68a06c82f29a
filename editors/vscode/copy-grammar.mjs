// The grammar and language configuration live in the repository's grammar/ directory (the tests
// check them against the compiler's lexer); the extension ships copies of them.
import { copyFileSync, mkdirSync } from "node:fs";

const grammar = new URL("../../grammar/", import.meta.url);
mkdirSync(new URL("./syntaxes/", import.meta.url), { recursive: true });
copyFileSync(new URL("scn.tmLanguage.json", grammar), new URL("./syntaxes/scn.tmLanguage.json", import.meta.url));
copyFileSync(new URL("language-configuration.json", grammar), new URL("./language-configuration.json", import.meta.url));
