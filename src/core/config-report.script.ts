// The drop-in's report of an invalid config field (in place of config-report.ts,
// rollup.config.mjs): the wording of every message is dist/garde-config.js, loaded with the first
// invalid field, so that a valid config (every visitor of a site that works) never pays for it.
// The fallback of each field is applied at once by config.ts; only the console lines wait. If
// the file cannot load, each field is still named.
import { loadScript } from './load-script.js';
import type { configMessage, configWarning } from './config-messages.js';

declare global {
  interface Window {
    /** Set by dist/garde-config.js: config-messages.ts's configMessage. */
    gardeConfigMessage?: typeof configMessage;
    /** Set by dist/garde-config.js: config-messages.ts's configWarning. */
    gardeConfigWarning?: typeof configWarning;
  }
}

/** config-report.ts's reportConfig, printed once garde-config.js has run. */
export function reportConfig(path: string, detail?: unknown): undefined {
  loadScript('garde-config.js').then(
    () => console.error(window.gardeConfigMessage!(path, detail)),
    () => console.error(`garde: config${path && '.' + path} is invalid`),
  );
}

/**
 * config-report.ts's warnConfig, printed once garde-config.js has run: the warnings' wording is
 * there too, downloaded only by a config with something to fix. If it cannot load, the field is
 * still named.
 */
export function warnConfig(path: string, lang?: string): void {
  loadScript('garde-config.js').then(
    () => console.warn(window.gardeConfigWarning!(path, lang)),
    () => console.warn(`garde: config.${path}`),
  );
}
