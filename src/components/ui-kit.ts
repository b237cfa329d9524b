// What dist/garde-ui.js takes from dist/garde.js instead of bringing its own copy: lit-html's
// `html` and `nothing`, and the elements' base class with its style sheet (and through it the
// controllers and the languages). With the public API, this is the whole contract between the two
// files (docs/architecture.md): rollup.config.mjs builds garde-ui.js with these modules as
// `window.gardeKit` and fails if it needs a name the kit lacks. Its keys are public names: the
// build never renames them.
import { html, nothing } from 'lit/html.js';
import { GardeElement } from './base.js';
import { baseStyles } from './base.styles.js';

/** The kit garde-ui.js renders with: one lit-html on the page, one GardeElement, one set of strings. */
export const uiKit = { html, nothing, GardeElement, baseStyles };

declare global {
  interface Window {
    gardeKit?: typeof uiKit;
  }
}

/** Makes the kit available to garde-ui.js: called before its script is added. */
export function shareUiKit(): void {
  window.gardeKit ??= uiKit;
}
