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

// Taken while garde.js runs: `document.currentScript` is null later. The site may say where the
// file is (an asset pipeline that renames it, a CMS that aggregates garde.js into another file):
// `<script src=".../garde.js" data-garde-ui="/assets/garde-ui.3f2a.js">`, relative to the page.
const current = document.currentScript as HTMLScriptElement | null;
const given = current?.dataset.gardeUi;
const url = new URL(given || 'garde-ui.js', (!given && current?.src) || document.baseURI).href;
/** How long a visitor waits for the file before garde falls back on its own form. */
const WAIT = 3000;
let script: HTMLScriptElement | undefined;

/** Called when the UI is mounted: nothing is loaded until it is needed. */
export function prepareOnDemand(): void {}

/**
 * Resolves once the elements are defined, loading their script the first time; rejects when it
 * fails (404, offline, blocked by a Content-Security-Policy) or is not there within WAIT ms, so
 * that the caller falls back rather than leave a button that does nothing. A file still on its
 * way is waited for again at the next need, never requested twice; a failed one is.
 */
export function loadOnDemand(): Promise<unknown> {
  if (!script) {
    script = document.createElement('script');
    script.src = url;
    script.nonce = current?.nonce ?? '';
    // No request of garde's carries the page's URL: not even this one, to the site's own server.
    script.referrerPolicy = 'no-referrer';
    script.onerror = () => {
      script = undefined;
      console.error(`garde: could not load ${url}`);
    };
    document.head.append(script);
  }
  const loading = script;
  return new Promise((resolve, reject) => {
    // Its entry defines <garde-preferences>, then <garde-placeholder>.
    void customElements.whenDefined('garde-placeholder').then(resolve);
    loading.addEventListener('error', reject);
    setTimeout(reject, WAIT);
  });
}

/**
 * The drop-in's `mountPlaceholders`: as soon as the page holds a blocked embed (now or later),
 * loads the placeholders and lets them take over (GardePlaceholder.mount). Until then the embed
 * keeps its own box, so the placeholder that replaces it moves nothing.
 */
export function mountPlaceholders(garde: Garde): () => void {
  let unmount: (() => void) | undefined;
  let stopped = false;
  // Once the file is there, however it came: for an embed, for the dialog, or late.
  void customElements.whenDefined('garde-placeholder').then(() => {
    const placeholder = customElements.get('garde-placeholder') as typeof GardePlaceholder;
    if (!stopped) unmount = placeholder.mount(garde);
  });
  const start = () => {
    if (!document.querySelector(EMBEDS)) return;
    observer.disconnect();
    // Not there in time: the embeds stay held back, and the next one held back tries again.
    loadOnDemand().catch(() => observer.observe(document, watched));
  };
  const observer = new MutationObserver(start);
  // The gate marks every embed it holds back, late ones too: that attribute is all there is to
  // watch, not every node the page adds.
  const watched = { subtree: true, attributeFilter: [BLOCKED] };
  observer.observe(document, watched);
  start();
  return () => {
    stopped = true;
    observer.disconnect();
    unmount?.();
  };
}
