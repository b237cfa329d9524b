// What dist/garde-ui.js and dist/garde-embed.js take from dist/garde.js instead of bringing their
// own copy: lit-html's `html` and `nothing`, the elements' base class with its style sheet and
// the tag of their own sheets (and
// through it the controllers and the languages), and the builders of the snapshot they render. With the public API, this is the whole contract
// between the files (docs/architecture.md): rollup.config.mjs builds them with these modules as
// `window.gardeKit` and fails if one needs a name the kit lacks. Its keys are public names: the
// build never renames them.
import { html, nothing } from 'lit/html.js';
import { GardeElement } from './base.js';
import { baseStyles } from './base.styles.js';
import { css } from './css.js';
import { buildSnapshot, snapshotFrom } from '../i18n/snapshot.js';

/** What the on-demand files render with: one lit-html, one GardeElement, one set of strings. */
export const uiKit = { html, nothing, GardeElement, baseStyles, css, buildSnapshot, snapshotFrom };

declare global {
  interface Window {
    gardeKit?: typeof uiKit;
  }
}

/** Makes the kit available to the on-demand files: called before one is added. */
export function shareUiKit(): void {
  window.gardeKit ??= uiKit;
}
