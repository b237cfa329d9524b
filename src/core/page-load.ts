// What every page load does with the decision stored by an earlier page, besides the gate: it
// erases what refused services left since (a cookie set again by a server response or by a page
// without garde), and tells page scripts the decision, so that code written for `garde:consent`
// runs on every page, as vanilla-cookieconsent's onConsent does.
import { eraseRefused } from './erase.js';
import type { ConsentStore } from './store.js';
import type { GardeConfig } from './types.js';

export interface PageLoadOptions {
  config: GardeConfig;
  store: ConsentStore;
}

/**
 * Erases the leftovers of refused services now (when there is a decision or a withdrawal), and
 * dispatches `garde:consent` with the stored decision once the document is parsed, a task after
 * `DOMContentLoaded` so that listeners added by deferred scripts and by `DOMContentLoaded`
 * handlers hear it; not if a decision on this page came first (it had its own event). Returns
 * the function that cancels the event.
 */
export function startPageLoad({ config, store }: PageLoadOptions): () => void {
  let stored = store.consent;
  if (stored || store.withdrawn) eraseRefused(config, stored);
  const announce = () =>
    setTimeout(() => {
      if (stored && store.consent === stored)
        document.dispatchEvent(new CustomEvent('garde:consent', { detail: stored }));
    });
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', announce, { once: true });
  else announce();
  return () => {
    stored = null;
  };
}
