// The drop-in's way to `<garde-notice>` (in place of on-demand.ts, rollup.config.mjs): its code
// and its wording in four languages are dist/garde-notice.js, beside dist/garde.js (or where the
// script tag's `data-garde-notice` says), loaded only on a page that holds the element (a privacy
// page), with the drop-in's nonce and without a Referer (core/load-script.ts), rendering with
// garde.js's lit-html (ui-kit.ts), as dist/garde-ui.js does.
import { loadScript } from '../../core/load-script.js';
import { shareUiKit } from '../ui-kit.js';

/** Loads dist/garde-notice.js when the page holds a `<garde-notice>`. */
export function mountNotice(): void {
  if (document.querySelector('garde-notice')) {
    shareUiKit();
    loadScript('garde-notice.js').catch(() => {});
  }
}
