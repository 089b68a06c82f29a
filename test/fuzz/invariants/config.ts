import { ConfigError, parseConfig } from "../../../src/config/load.js";
import { SEVERITY_SETTINGS } from "../../../src/config/schema.js";
import { rulesById } from "../../../src/rules/index.js";
import { ensureNone } from "./violation.js";

/**
 * scnc.json, whatever it holds: parsing gives rule severities that exist, or one ConfigError line
 * that names the file (CLI.md: exit 2 naming the key); nothing else ever escapes.
 */
export async function checkConfig(text: string): Promise<void> {
  const problems: string[] = [];
  try {
    const config = await parseConfig(text, "scnc.json");
    for (const [id, setting] of Object.entries(config.rules)) {
      if (!rulesById.has(id)) problems.push(`accepted rule id '${id}'`);
      if (!(SEVERITY_SETTINGS as readonly string[]).includes(setting)) problems.push(`accepted setting ${JSON.stringify(setting)} for ${id}`);
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) problems.push(`threw ${(error as Error).name}: ${(error as Error).message}`);
    else if (!error.message.startsWith("scnc.json: ") || error.message.includes("\n")) problems.push(`the message is not one line naming the file: ${JSON.stringify(error.message)}`);
  }
  ensureNone(problems, "scnc.json");
}
