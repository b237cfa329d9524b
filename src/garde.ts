// The drop-in (dist/garde.js): reads the page's JSON config, starts garde, exposes window.garde.
import { mountUi } from './components/mount.js';
import { afterPaint } from './core/after-paint.js';
import { reportConfig } from './core/config-report.js';
import { init } from './core/init.js';
// Also declares window.garde (src/global.ts, published as the types of `garde/global`).
import type {} from './global.js';

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

// A `garde.showPreferences()` before the UI's task (a page's DOMContentLoaded handler) is kept, and
// opens the dialog once the UI is there. The listener goes with the first call, early or not (a
// later one, which mountUi's own listener serves, only sets the flag nobody reads any more).
let asked: unknown;
document.addEventListener('garde:show-preferences', () => (asked = 1), { once: true });
// The script's task holds only what the banner needs (the config, the stored decision, the store)
// and, when a decision is stored, the gate; window.garde is there when it ends. The UI renders in
// a task of its own, queued first, so that no task of the start-up runs long on a phone (a timer:
// scheduler.postTask would cost 40 B). What can wait (init's `later`: the gate while the visitor
// has not decided, the outbox, the first hit) waits until the banner is painted, so that no work
// comes between the banner's render and its paint.
const bannerPainted = new Promise<void>((painted) =>
  setTimeout(() => {
    // The frame after this task paints the banner (asked first: a throw in mountUi must not keep
    // the gate from starting).
    void afterPaint(painted);
    mountUi(garde);
    if (asked) garde.showPreferences();
  }),
);
const garde = (window.garde = init(pageConfig(), {
  later: <T>(work: () => T) => bannerPainted.then(work) as Promise<Awaited<T>>,
}));
