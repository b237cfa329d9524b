import { afterPaint } from '../core/after-paint.js';
import type { Garde } from '../core/types.js';
import type { GardeBanner } from './banner/banner.js';
import { css } from './css.js';
import { uiStrings } from '../i18n/index.js';
import { defineElements } from './define-elements.js';
import { loadOnDemand, mountPlaceholders, prepareOnDemand } from './on-demand.js';
import { mainContent } from './preferences/focus.js';
import { mountNotice } from './notice/on-demand.js';

// Room kept at the bottom of the page for the floating button, so that scrolling to a focused
// element never leaves it under the button, the end of the page too (WCAG 2.4.11). An adopted
// sheet (no inline style), put before the banner's (BannerRoom), which wins while it is up. Room
// for its label on two lines (1rem below it, 3rem of text, padding and border): the text doubled
// on a phone wraps it (WCAG 1.4.4).
const room = css`
  html {
    scroll-padding-bottom: 5rem;
    padding-bottom: 5rem;
  }
`;

// The live region that says a decision taken in the banner was saved: in the page, since the
// banner is gone by then. Read by screen readers, hidden from sight; an adopted sheet, no inline
// style.
const statusSheet = css`
  [data-garde-status] {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

type TagName = 'garde-banner' | 'garde-preferences' | 'garde-policy-link';

/**
 * Puts the UI on the page for `garde`: the banner first in `<body>` while there is no decision
 * (removed after one, back after a withdrawal), the preferences dialog opened by
 * `garde.showPreferences()` (or, when it cannot load, the banner's own form), the floating
 * settings button when `config.floatingButton` (by default, `"auto"`, when the page has no
 * `<garde-policy-link>`), a placeholder for each blocked embed (mount-placeholders.ts), and the code of
 * `<garde-notice>` when the page holds one (notice/on-demand.ts).
 * Waits for `<body>` if called from `<head>`. Only the banner renders at once: the floating button
 * and the notice's file wait until it is painted (the button is hidden while the banner is up),
 * so that no task of the start-up runs long on a phone. Returns a function that takes it all away
 * again.
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
  prepareOnDemand();
  const create = <K extends TagName>(tagName: K) => {
    const element = document.createElement(tagName);
    element.garde = garde;
    return element;
  };
  const preferences = create('garde-preferences');
  let banner: GardeBanner | null = null;
  /** Whether the banner shows its own form, the dialog having failed to load. */
  let fallback = false;
  /**
   * Counts the openings asked and the decisions taken on this page: a dialog opens only for the
   * last, unanswered.
   */
  let asked = 0;
  const showBanner = () => {
    // Also back while services added since the decision wait for the visitor's (`unasked`).
    if (garde.consent && !garde.consent.unasked && !fallback) {
      banner?.remove();
      banner = null;
    } else {
      if (!banner) {
        document.body.prepend((banner = create('garde-banner')));
        // "Close" in the fallback form, after a decision: the form goes, the decision stays.
        banner.addEventListener('close', () => {
          fallback = false;
          showBanner();
          mainContent()?.focus();
        });
      }
      banner.__fallback = fallback;
      banner.requestUpdate();
    }
  };
  const showPreferences = () => {
    const ask = ++asked;
    loadOnDemand().then(
      // A dialog that arrives after the visitor decided or was offered the form never opens.
      () => void (ask === asked && preferences.show()),
      () => {
        if (ask !== asked) return;
        fallback = true;
        showBanner();
        // Focus to the form that replaces the dialog the visitor asked for.
        void banner!.updateComplete.then(() =>
          banner!.renderRoot.querySelector<HTMLElement>('input:enabled,button')?.focus(),
        );
      },
    );
  };
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.dataset.gardeStatus = '';
  // After a decision in the banner (a document listener, called after the button's own, once the
  // decision has removed the banner): focus to the page's main content, never to <body>, and the
  // choice announced.
  const afterBanner = (event: Event) => {
    // The event's path, not the button's root: a visitor's click runs the microtasks between
    // listeners, so a banner that stays (a withdrawal) has re-rendered without the button by now.
    const path = event.composedPath() as Element[];
    if (
      path.some((node) => node.localName === 'garde-banner') &&
      /accept|reject|save|withdraw/.test(path[0]!.part.value)
    ) {
      mainContent()?.focus();
      // Said in garde's language, which may not be the page's, and marked so (WCAG 3.1.2).
      // file size hack: the assignment as the argument (2 B less than a statement of its own).
      status.textContent = uiStrings(garde.config, (status.lang = garde.lang)).saved;
    }
  };
  const pageSheets = document.adoptedStyleSheets;
  document.body.append(preferences, status);
  document.adoptedStyleSheets = [...pageSheets, statusSheet];
  let floatingButton: HTMLElement | undefined;
  void afterPaint(() => {
    // Unmounted in the meantime (the dialog's element goes with the rest).
    if (!preferences.isConnected) return;
    const { floatingButton: floating } = garde.config;
    if (floating === 'auto' ? !document.querySelector('garde-policy-link') : floating) {
      floatingButton = create('garde-policy-link');
      floatingButton.toggleAttribute('floating');
      document.body.append(floatingButton);
      document.adoptedStyleSheets = [room, ...document.adoptedStyleSheets];
    }
    mountNotice();
  });
  document.addEventListener('garde:show-preferences', showPreferences);
  document.addEventListener('click', afterBanner);
  showBanner();
  // A decision taken on this page ends the fallback form and cancels an opening still waiting for
  // its dialog. One adopted from another tab only changes what they show: the visitor asked here.
  const unsubscribe = garde.onChange((_consent, { adopted }) => {
    if (!adopted) {
      asked++;
      fallback = false;
    }
    showBanner();
  });
  const unmountPlaceholders = mountPlaceholders(garde);
  return () => {
    // An opening still waiting for its file is forgotten too.
    asked++;
    unsubscribe();
    unmountPlaceholders();
    document.removeEventListener('garde:show-preferences', showPreferences);
    document.removeEventListener('click', afterBanner);
    banner?.remove();
    preferences.remove();
    status.remove();
    floatingButton?.remove();
    document.adoptedStyleSheets = pageSheets;
  };
}
