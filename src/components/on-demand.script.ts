// The drop-in's way to `<garde-preferences>` and `<garde-placeholder>` (in place of on-demand.ts,
// rollup.config.mjs): the dialog is dist/garde-ui.js and the embeds' placeholder
// dist/garde-embed.js, beside dist/garde.js (or where the script tag says: core/load-script.ts),
// each loaded the first time a visitor is about to open the dialog or the page holds a blocked
// embed. Most
// pages have no embed and most visitors decide in the banner, so they never download either, and
// a page with an embed does not download the dialog. Both render with garde.js's lit-html
// (ui-kit.ts). Nothing moves when one arrives: the dialog is a modal in the top layer, and
// mount-placeholders.ts has already given each placeholder its embed's box. No right depends on
// them: when the dialog cannot load, mountUi() shows the banner's own form (docs/ui.md).

import { afterPaint } from '../core/after-paint.js';
import { BLOCKED } from '../core/gate.js';
import { loadScript } from '../core/load-script.js';
import type { Garde } from '../core/types.js';
import { loadOnIntent } from './load-on-intent.js';
import { EMBEDS } from './mount-placeholders.js';
import type { GardePlaceholder } from './placeholder/placeholder.js';
import { shareUiKit } from './ui-kit.js';

/** How long a visitor waits for the dialog's file before garde falls back on its own form. */
const WAIT = 3000;

/**
 * Called when the UI is mounted: nothing is loaded until it is needed, but the dialog's file is
 * asked for as soon as the visitor shows intent to open it (loadOnIntent), so that it is there by
 * the click on a slow network.
 */
export function prepareOnDemand(): void {
  loadOnIntent(() => void loadUi('garde-ui.js').catch(() => {}));
}

/** Loads `file` after giving it garde.js's lit-html (ui-kit.ts). */
function loadUi(file: string): Promise<void> {
  shareUiKit();
  return loadScript(file);
}

/**
 * Resolves once the preferences dialog is defined (dist/garde-ui.js, loaded the first time);
 * rejects when the file fails or is not there within WAIT ms, so that the caller falls back rather
 * than leave a button that does nothing. A file still on its way is waited for again at the next
 * need, never requested twice; a failed one is.
 */
export const loadOnDemand = (): Promise<unknown> =>
  Promise.race([loadUi('garde-ui.js'), new Promise((_, reject) => setTimeout(reject, WAIT))]);

/**
 * The drop-in's `mountPlaceholders`: as soon as the page holds a blocked embed (now or later),
 * loads the placeholders and lets them take over (GardePlaceholder.mount). Until then the embed
 * keeps its own box, so the placeholder that replaces it moves nothing.
 */
export function mountPlaceholders(garde: Garde): () => void {
  let unmount: (() => void) | undefined;
  let stopped = false;
  const start = () => {
    if (stopped || !document.querySelector(EMBEDS)) return;
    observer.disconnect();
    // The placeholders alone: dist/garde-embed.js, not the dialog. Not there: the embeds stay
    // held back, and the next one held back tries again.
    loadUi('garde-embed.js').then(
      () => {
        const placeholder = customElements.get('garde-placeholder') as typeof GardePlaceholder;
        if (!stopped) unmount = placeholder.mount(garde);
      },
      () => observer.observe(document, watched),
    );
  };
  const observer = new MutationObserver(start);
  // The gate marks every embed it holds back, late ones too: that attribute is all there is to
  // watch, not every node the page adds.
  const watched = { subtree: true, attributeFilter: [BLOCKED] };
  observer.observe(document, watched);
  // The gate has hidden the embeds already: their file can wait until the banner is painted.
  void afterPaint(start);
  return () => {
    stopped = true;
    observer.disconnect();
    unmount?.();
  };
}
