/** scnc.json: where it is found, what it may say, and how it is checked. */
export { ConfigError, findConfigFile, loadConfig, parseConfig, type LoadedConfig, type ScncConfig } from "./load.js";
export { CONFIG_FILE_NAME, configSchema, SEVERITY_SETTINGS } from "./schema.js";
