// The init() that `garde` and `garde/core` export: the browser's (init.ts), or outside a browser
// (a server render, a build step, a test in Node) an inert instance: the validated config and a
// consent store nobody decided in, with nothing read, written or sent. The drop-in, which only
// ever runs in a page, uses init.ts directly and carries none of this.
import { validateConfig } from './config.js';
import { init as initInBrowser, type InitOptions } from './init.js';
import { resolveLang } from './lang.js';
import { createConsentStore } from './store.js';
import type { Garde } from './types.js';

const nothing = () => {};

/** Starts garde on this page and returns its API; never throws, in a browser or not. */
export function init(input: unknown, options: InitOptions = {}): Garde {
  if (typeof document === 'object') return initInBrowser(input, options);
  const config = validateConfig(input);
  const store = createConsentStore({
    config,
    consent: null,
    withdrawn: false,
    gpc: false,
    now: options.now ?? Date.now,
    // No other window to read.
    __refresh: nothing,
  });
  return Object.assign(store, {
    config,
    lang: resolveLang(config.lang),
    ready: Promise.resolve(),
    history: async () => [],
    showPreferences: nothing,
    track: nothing,
    setLang: nothing,
    destroy: nothing,
  });
}
