// The drop-in (dist/garde.js): reads the page's JSON config, starts garde, exposes window.garde.
import { mountUi } from './components/mount.js';
import { reportConfig } from './core/config-report.js';
import { init } from './core/init.js';
// Also declares window.garde (src/global.ts, published as the types of `garde/global`).
import type {} from './global.js';
import { snapshotText } from './i18n/snapshot.js';

/**
 * The config in `<script type="application/json" id="garde-config">`; a missing element or invalid
 * JSON is reported (worded, like every config error, by config-messages.ts, which the drop-in
 * loads only then: dist/garde-config.js) and gives undefined, which init() replaces by the safe
 * defaults.
 */
function pageConfig(): unknown {
  try {
    return JSON.parse(document.getElementById('garde-config')!.textContent!);
  } catch (e) {
    reportConfig('', e);
  }
}

const garde = (window.garde = init(pageConfig(), { snapshot: snapshotText }));
// The gate is in place and window.garde there: the UI renders in a task of its own, so that the
// script's task stays short on a phone (a timer: scheduler.postTask would cost 40 B, and did not
// keep a frame from coming in between either; the banner's own render then waits for no other
// work, the floating button and the notice waiting for its paint in mountUi).
// A `garde.showPreferences()` before that task (a page's DOMContentLoaded handler) is kept, and
// opens the dialog once the UI is there. The listener goes with the first call, early or not (a
// later one, which mountUi's own listener serves, only sets the flag nobody reads any more).
let asked: unknown;
document.addEventListener('garde:show-preferences', () => (asked = 1), { once: true });
setTimeout(() => {
  mountUi(garde);
  if (asked) garde.showPreferences();
});
