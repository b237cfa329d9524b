// Reports an invalid config field on the console, at once (the ESM build, tests, checkConfig()).
// The drop-in has config-report.script.ts instead (rollup.config.mjs), which loads the wording
// only for an invalid config.
import { configMessage, configWarning } from './config-messages.js';

/**
 * console.error of the field at `path`, worded by config-messages.ts. Returns undefined, so that
 * config.ts can report and drop in one go.
 */
export function reportConfig(path: string, detail?: unknown): undefined {
  console.error(configMessage(path, detail));
}

/** console.warn of the field at `path`: unknown, or a text without the page's language `lang`. */
export function warnConfig(path: string, lang?: string): void {
  console.warn(configWarning(path, lang));
}
