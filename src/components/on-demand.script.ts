// The drop-in's way to `<garde-preferences>` and `<garde-placeholder>` (in place of on-demand.ts,
// rollup.config.mjs): they are dist/garde-ui.js, beside dist/garde.js, loaded the first time a
// visitor opens the dialog or the page holds a blocked embed. Most pages have no embed and most
// visitors decide in the banner, so they never download it, and the drop-in stays within its
// size budget. The script keeps the drop-in's nonce, so a strict Content-Security-Policy lets it
// run as it let garde.js. Nothing moves when it arrives: the dialog is a modal in the top layer,
// and mount-placeholders.ts has already given each placeholder its embed's box.

import { BLOCKED } from '../core/gate.js';
import type { Garde } from '../core/types.js';
import { EMBEDS } from './mount-placeholders.js';
import type { GardePlaceholder } from './placeholder/placeholder.js';

// Taken while garde.js runs: `document.currentScript` is null later.
export const current = document.currentScript as HTMLScriptElement | null;
const url = new URL('garde-ui.js', current?.src || location.href).href;
let loading: Promise<unknown> | undefined;

/** Called when the UI is mounted: nothing is loaded until it is needed. */
export function prepareOnDemand(): void {}

/**
 * Resolves once the elements are defined; loads their script the first time. A failed load is
 * reported, and the next need tries again.
 */
export function loadOnDemand(): Promise<unknown> {
  if (!loading) {
    const script = document.createElement('script');
    script.src = url;
    script.nonce = current?.nonce ?? '';
    // No request of garde's carries the page's URL: not even this one, to the site's own server.
    script.referrerPolicy = 'no-referrer';
    script.onerror = () => {
      loading = undefined;
      console.error(`garde: could not load ${url}`);
    };
    document.head.append(script);
    // Its entry defines <garde-preferences>, then <garde-placeholder>.
    loading = customElements.whenDefined('garde-placeholder');
  }
  return loading;
}

/**
 * The drop-in's `mountPlaceholders`: as soon as the page holds a blocked embed (now or later),
 * loads the placeholders and lets them take over (GardePlaceholder.mount). Until then the embed
 * keeps its own box, so the placeholder that replaces it moves nothing.
 */
export function mountPlaceholders(garde: Garde): () => void {
  let unmount: (() => void) | undefined;
  let stopped = false;
  const start = () => {
    if (!document.querySelector(EMBEDS)) return;
    observer.disconnect();
    void loadOnDemand().then(() => {
      const placeholder = customElements.get('garde-placeholder') as typeof GardePlaceholder;
      if (!stopped) unmount = placeholder.mount(garde);
    });
  };
  const observer = new MutationObserver(start);
  // The gate marks every embed it holds back, late ones too: that attribute is all there is to
  // watch, not every node the page adds.
  observer.observe(document, { subtree: true, attributeFilter: [BLOCKED] });
  start();
  return () => {
    stopped = true;
    observer.disconnect();
    unmount?.();
  };
}
