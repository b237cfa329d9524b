// The drop-in's way to `<garde-notice>` (in place of on-demand.ts, rollup.config.mjs): its code
// and its wording in four languages are dist/garde-notice.js, beside dist/garde.js, loaded only on
// a page that holds the element (a privacy page), with the drop-in's nonce, and without a
// Referer, as dist/garde-ui.js is.

import { current } from '../on-demand.script.js';

/** Loads dist/garde-notice.js when the page holds a `<garde-notice>`. */
export function mountNotice(): void {
  if (document.querySelector('garde-notice')) {
    const script = document.createElement('script');
    script.src = new URL('garde-notice.js', current?.src || location.href).href;
    script.nonce = current?.nonce ?? '';
    script.referrerPolicy = 'no-referrer';
    document.head.append(script);
  }
}
