// The drop-in's way to `<garde-preferences>` and `<garde-placeholder>` (in place of on-demand.ts,
// rollup.config.mjs): the dialog is dist/garde-ui.js and the embeds' placeholder
// dist/garde-embed.js, beside dist/garde.js, each loaded the first time a visitor opens the
// dialog or the page holds a blocked embed. Most pages have no embed and most visitors decide in
// the banner, so they never download either, and a page with an embed does not download the
// dialog. Both render with garde.js's lit-html (ui-kit.ts). The script keeps the drop-in's nonce,
// so a strict Content-Security-Policy lets it run as it let garde.js. Nothing moves when it
// arrives: the dialog is a modal in the top layer, and mount-placeholders.ts has already given
// each placeholder its embed's box.

import { afterPaint } from '../core/after-paint.js';
import { BLOCKED } from '../core/gate.js';
import type { Garde } from '../core/types.js';
import { EMBEDS } from './mount-placeholders.js';
import type { GardePlaceholder } from './placeholder/placeholder.js';
import { shareUiKit } from './ui-kit.js';

// Taken while garde.js runs: `document.currentScript` is null later.
const current = document.currentScript as HTMLScriptElement | null;
/** Each file's load, by the element its entry defines. */
const loading = new Map<string, Promise<unknown>>();

/** Called when the UI is mounted: nothing is loaded until it is needed. */
export function prepareOnDemand(): void {}

/**
 * Resolves once `tagName` is defined; loads `file` (beside garde.js), whose entry defines it, the
 * first time. A failed load is reported, and the next need tries again.
 */
function loadElement(file: string, tagName: string): Promise<unknown> {
  let loaded = loading.get(tagName);
  if (!loaded) {
    shareUiKit();
    const url = new URL(file, current?.src || location.href).href;
    const script = document.createElement('script');
    script.src = url;
    script.nonce = current?.nonce ?? '';
    // No request of garde's carries the page's URL: not even this one, to the site's own server.
    script.referrerPolicy = 'no-referrer';
    script.onerror = () => {
      loading.delete(tagName);
      console.error(`garde: could not load ${url}`);
    };
    document.head.append(script);
    loaded = customElements.whenDefined(tagName);
    loading.set(tagName, loaded);
  }
  return loaded;
}

/** Resolves once the preferences dialog is defined: dist/garde-ui.js, loaded the first time. */
export const loadOnDemand = (): Promise<unknown> => loadElement('garde-ui.js', 'garde-preferences');

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
    // The placeholders alone: dist/garde-embed.js, not the dialog.
    void loadElement('garde-embed.js', 'garde-placeholder').then(() => {
      const placeholder = customElements.get('garde-placeholder') as typeof GardePlaceholder;
      if (!stopped) unmount = placeholder.mount(garde);
    });
  };
  const observer = new MutationObserver(start);
  // The gate marks every embed it holds back, late ones too: that attribute is all there is to
  // watch, not every node the page adds.
  observer.observe(document, { subtree: true, attributeFilter: [BLOCKED] });
  // The gate has hidden the embeds already: their file can wait until the banner is painted.
  void afterPaint(start);
  return () => {
    stopped = true;
    observer.disconnect();
    unmount?.();
  };
}
