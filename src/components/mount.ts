import type { ConsentState, Garde } from '../core/types.js';
import { css } from './css.js';
import { defineElements } from './define-elements.js';
import { mountPlaceholders } from './mount-placeholders.js';

// Room kept at the bottom of the page for the floating button, so that scrolling to a focused
// element never leaves it under the button (WCAG 2.4.11). An adopted sheet: no inline style.
const room = css`
  html {
    scroll-padding-bottom: 4rem;
  }
`;

type TagName = 'garde-banner' | 'garde-preferences' | 'garde-policy-link';

/**
 * Puts the UI on the page for `garde`: the banner first in `<body>` while there is no decision
 * (removed after one, back after a withdrawal), the preferences dialog opened by
 * `garde.showPreferences()`, the floating settings button when `config.floatingButton`, and a
 * placeholder for each blocked embed (mount-placeholders.ts).
 * Waits for `<body>` if called from `<head>`. Returns a function that takes it all away again.
 */
export function mountUi(garde: Garde): () => void {
  if (!document.body) {
    let unmount = () => {};
    document.addEventListener('DOMContentLoaded', () => (unmount = mountUi(garde)), {
      once: true,
    });
    return () => unmount();
  }
  defineElements();
  const create = <K extends TagName>(tagName: K) => {
    const element = document.createElement(tagName);
    element.garde = garde;
    return element;
  };
  const preferences = create('garde-preferences');
  const showPreferences = () => preferences.show();
  let banner: HTMLElement | null = null;
  const showBannerUnless = (consent: ConsentState | null) => {
    if (consent) {
      banner?.remove();
      banner = null;
    } else if (!banner) {
      banner = create('garde-banner');
      document.body.prepend(banner);
    }
  };
  const floatingButton = garde.config.floatingButton && create('garde-policy-link');
  const pageSheets = document.adoptedStyleSheets;
  document.body.append(preferences);
  if (floatingButton) {
    floatingButton.setAttribute('floating', '');
    document.body.append(floatingButton);
    document.adoptedStyleSheets = [...pageSheets, room];
  }
  document.addEventListener('garde:show-preferences', showPreferences);
  showBannerUnless(garde.consent);
  const unsubscribe = garde.onChange(showBannerUnless);
  const unmountPlaceholders = mountPlaceholders(garde);
  return () => {
    unsubscribe();
    unmountPlaceholders();
    document.removeEventListener('garde:show-preferences', showPreferences);
    banner?.remove();
    preferences.remove();
    if (floatingButton) {
      floatingButton.remove();
      document.adoptedStyleSheets = pageSheets;
    }
  };
}
