// How mountUi() gets `<garde-preferences>` and `<garde-placeholder>` in the ESM build (and the
// tests): bundled with the rest of the UI, defined when the UI is mounted. The drop-in swaps this
// file for on-demand.script.ts (rollup.config.mjs), which loads them when they are first needed.
export { mountPlaceholders } from './mount-placeholders.js';
import { definePlaceholder } from './placeholder/define-placeholder.js';
import { definePreferences } from './preferences/define-preferences.js';

/** Called when the UI is mounted. */
export function prepareOnDemand(): void {
  definePreferences();
  definePlaceholder();
}

/** Resolves once `<garde-preferences>` and `<garde-placeholder>` are defined. */
export function loadOnDemand(): Promise<unknown> {
  prepareOnDemand();
  return Promise.resolve();
}
