/** scnc.json: where it is found, what it may say, and how it is checked. */
export { ConfigError, configFileIn, findConfigFile, loadConfig, parseConfig, readConfigFile, type LoadedConfig, type ScncConfig } from "./load.js";
export { CONFIG_FILE_NAME, configSchema, SEVERITY_SETTINGS } from "./schema.js";
export { ConfigLookup, type ConfigLookupOptions } from "./lookup.js";
