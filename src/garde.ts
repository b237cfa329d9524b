// The drop-in (dist/garde.js): reads the page's JSON config, starts garde, exposes window.garde.
import { mountUi } from './components/mount.js';
import { afterPaint } from './core/after-paint.js';
import { reportConfig } from './core/config-report.js';
import { init } from './core/init.js';
import type { Garde } from './core/types.js';
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
// opens the dialog once the UI is there (a later one, which mountUi's own listener serves, only
// sets the flag nobody reads any more).
let asked: unknown;
document.addEventListener('garde:show-preferences', () => (asked = 1));
// No task of the start-up may run long on a phone (issue 18: each under 50 ms at 4x CPU), so the
// start is three tasks. The script's own holds garde.js's top level (which the parser's end,
// DOMContentLoaded and a layout share). garde starts in the next one (the config, the stored
// decision, the store and, when a decision is stored, the gate), or at the first use of
// window.garde if that comes sooner (a page's DOMContentLoaded handler, a deferred script after
// garde.js): window.garde is there, and started, for whoever reads it. The UI renders in the task
// after that (a timer: scheduler.postTask would cost 40 B). What can wait (init's `later`: the gate
// while the visitor has not decided, the outbox, the tab sync's channel, the first hit) waits until
// the banner is painted, each in a task of its own, so that no work comes between the banner's
// render and its paint and no two of them add up to a long task.
let garde: Garde | undefined;
// While init() runs, window.garde reads 0 (falsy, as it read undefined while init() ran in the
// script's task): a page's `garde:consent` listener that reads it while garde records a GPC
// refusal must not start a second garde. (0 rather than a flag: 12 B less.)
const start = (): Garde =>
  (garde ??=
    ((garde = 0 as unknown as Garde),
    init(pageConfig(), {
      // Each work in a task of its own, after the frame that paints the banner: the UI's task is
      // queued below, before any frame, so the frame after the second one paints it (whether
      // init() runs in its own task or early, from the getter).
      later: (work) => afterPaint(() => afterPaint(work)),
    })));
// Not configurable: a second copy of garde.js on the page stops here, before it queues anything,
// rather than start a second garde with a second banner. A page's own global of that name (a
// `var garde` in a script before) cannot be redefined either: garde replaces its value and starts
// at once, as it did before it had an accessor.
try {
  Object.defineProperty(window, 'garde', { get: start });
} catch {
  if (Object.getOwnPropertyDescriptor(window, 'garde')!.get)
    throw Error('garde: garde.js is on this page twice; this copy does nothing');
  (window as { garde: Garde }).garde = start();
}
setTimeout(start);
setTimeout(() => {
  mountUi(start());
  if (asked) start().showPreferences();
});
