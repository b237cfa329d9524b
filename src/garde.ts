// The drop-in (dist/garde.js): reads the page's JSON config, starts garde, exposes window.garde.
import { mountUi } from './components/mount.js';
import { init } from './core/init.js';
// Also declares window.garde (src/global.ts, published as the types of `garde/global`).
import type {} from './global.js';
import { snapshotText } from './i18n/snapshot.js';

/**
 * The config in `<script type="application/json" id="garde-config">`; a missing element or invalid
 * JSON is reported (naming it by its selector, `#garde-config`, which is shorter in every visitor's
 * download) and gives undefined, which init() replaces by the safe defaults.
 */
function pageConfig(): unknown {
  try {
    return JSON.parse(document.getElementById('garde-config')!.textContent!);
  } catch (e) {
    console.error(`garde: config: expected JSON in #garde-config (${e})`);
  }
}

window.garde = init(pageConfig(), { snapshot: snapshotText });
mountUi(window.garde);
