/** Builds the playground into playground/dist/ (scripts/playground.mjs). */
export function buildPlayground(): Promise<void>;
