import { unsafeCSS } from '@lit/reactive-element';
import type { ConsentState, Garde } from '../core/types.js';
import { defineElements } from './define-elements.js';

// Room kept at the bottom of the page for the floating button, so that scrolling to a focused
// element never leaves it under the button (WCAG 2.4.11). An adopted sheet: no inline style.
const room = unsafeCSS(`html{scroll-padding-bottom:4rem}`);

/**
 * Puts the UI on the page for `garde`: the banner first in `<body>` while there is no decision
 * (removed after one, back after a withdrawal), the preferences dialog opened by
 * `garde.showPreferences()`, and the floating settings button when `config.floatingButton`.
 * Waits for `<body>` if called from `<head>`. Returns a function that takes it all away again.
 */
export function mountUi(garde: Garde): () => void {
  const d = document;
  if (!d.body) {
    let off = () => {};
    d.addEventListener('DOMContentLoaded', () => (off = mountUi(garde)), { once: true });
    return () => off();
  }
  defineElements();
  const make = <K extends 'garde-banner' | 'garde-preferences' | 'garde-policy-link'>(n: K) => {
    const e = d.createElement(n);
    e.garde = garde;
    return e;
  };
  const prefs = make('garde-preferences');
  const open = () => prefs.show();
  let banner: HTMLElement | null = null;
  const sync = (s: ConsentState | null) => {
    if (s) {
      banner?.remove();
      banner = null;
    } else if (!banner) d.body.prepend((banner = make('garde-banner')));
  };
  const float = garde.config.floatingButton && make('garde-policy-link');
  const sheets = d.adoptedStyleSheets;
  d.body.append(prefs);
  if (float) {
    float.setAttribute('floating', '');
    d.body.append(float);
    d.adoptedStyleSheets = [...sheets, room.styleSheet!];
  }
  d.addEventListener('garde:show-preferences', open);
  sync(garde.consent);
  const off = garde.onChange(sync);
  return () => {
    off();
    d.removeEventListener('garde:show-preferences', open);
    banner?.remove();
    prefs.remove();
    if (float) {
      float.remove();
      d.adoptedStyleSheets = sheets;
    }
  };
}
