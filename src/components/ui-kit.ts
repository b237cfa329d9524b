// What dist/garde-ui.js and dist/garde-embed.js take from dist/garde.js instead of bringing their
// own copy: lit-html's `html` and `nothing`, the elements' base class with its style sheet and
// the tag of their own sheets (and
// through it the controllers and the languages), and the strings of each language that the
// snapshot they render is built from (each file carries src/i18n/snapshot.ts's builder, which the
// drop-in itself no longer needs: its receipts are stamped by dist/garde-records.js). With the public API, this is the whole contract
// between the files (docs/architecture.md): rollup.config.mjs builds them with these modules as
// `window.gardeKit` and fails if one needs a name the kit lacks. Its keys are public names: the
// build never renames them.
import { html, nothing } from 'lit/html.js';
import { GardeElement } from './base.js';
import { baseStyles } from './base.styles.js';
import { css } from './css.js';
import { localisedText, translations, uiStrings } from '../i18n/index.js';

/** What the on-demand files render with: one lit-html, one GardeElement, one set of strings. */
export const uiKit = {
  html,
  nothing,
  GardeElement,
  baseStyles,
  css,
  localisedText,
  translations,
  uiStrings,
};

declare global {
  interface Window {
    gardeKit?: typeof uiKit;
  }
}

/** Makes the kit available to the on-demand files: called before one is added. */
export function shareUiKit(): void {
  window.gardeKit ??= uiKit;
}
