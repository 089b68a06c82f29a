/**
 * Reads grammar/scn.ebnf into the same shape chevrotain uses for the parser's grammar, so a test
 * can compare the two. Handles the notation scn.ebnf uses: rules `name = … ;`, choices `|`,
 * groups `( )`, options `[ ]`, repetitions `{ }`, quoted terminals, `? special ?` and `…`.
 */
export type EbnfNode =
  | { readonly kind: "terminal"; readonly text: string }
  | { readonly kind: "reference"; readonly name: string }
  | { readonly kind: "choice"; readonly alternatives: readonly EbnfNode[][] }
  | { readonly kind: "option" | "repetition"; readonly body: readonly EbnfNode[][] };

export type EbnfGrammar = ReadonlyMap<string, EbnfNode[][]>;

const TOKEN = /\s+|\(\*[\s\S]*?\*\)|"[^"]*"|'[^']*'|\?[^?]*\?|…|[A-Za-z_][A-Za-z0-9_]*|[=;|()[\]{}]/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) throw new Error(`scn.ebnf: cannot read ${JSON.stringify(text.slice(at, at + 20))}`);
    if (!/^\s|^\(\*/.test(match[0])) tokens.push(match[0]);
  }
  return tokens;
}

export function readEbnf(text: string): EbnfGrammar {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (expected?: string): string => {
    const token = tokens[position++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error(`scn.ebnf: expected ${expected ?? "more"}, found ${token ?? "the end"} (token ${position})`);
    }
    return token;
  };

  const alternatives = (): EbnfNode[][] => {
    const result = [sequence()];
    while (peek() === "|") {
      take("|");
      result.push(sequence());
    }
    return result;
  };
  const sequence = (): EbnfNode[] => {
    const items: EbnfNode[] = [];
    for (;;) {
      const token = peek();
      if (token === undefined || token === "|" || token === ";" || token === ")" || token === "]" || token === "}") return items;
      take();
      if (token === "(") {
        const body = alternatives();
        take(")");
        if (body.length === 1) items.push(...(body[0] as EbnfNode[]));
        else items.push({ kind: "choice", alternatives: body });
      } else if (token === "[" || token === "{") {
        const body = alternatives();
        take(token === "[" ? "]" : "}");
        items.push({ kind: token === "[" ? "option" : "repetition", body });
      } else if (/^["']/.test(token)) {
        items.push({ kind: "terminal", text: token.slice(1, -1) });
      } else if (/^[A-Z][A-Z0-9]*$/.test(token)) {
        items.push({ kind: "terminal", text: token });
      } else {
        items.push({ kind: "reference", name: token });
      }
    }
  };

  const rules = new Map<string, EbnfNode[][]>();
  while (position < tokens.length) {
    const name = take();
    take("=");
    rules.set(name, alternatives());
    take(";");
  }
  return rules;
}

/** One canonical text for a grammar expression, whichever notation it came from. */
export function canonicalEbnf(alternatives: readonly (readonly EbnfNode[])[]): string {
  const sequence = (items: readonly EbnfNode[]): string => items.map(node).join(" ");
  const node = (item: EbnfNode): string => {
    switch (item.kind) {
      case "terminal": return JSON.stringify(item.text);
      case "reference": return item.name;
      case "choice": return `( ${item.alternatives.map(sequence).join(" | ")} )`;
      case "option": return `[ ${canonicalEbnf(item.body)} ]`;
      case "repetition": return `{ ${canonicalEbnf(item.body)} }`;
    }
  };
  return alternatives.length === 1 ? sequence(alternatives[0] as EbnfNode[]) : `( ${alternatives.map(sequence).join(" | ")} )`;
}
