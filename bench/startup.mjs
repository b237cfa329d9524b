// Start-up in headless Chromium with the CPU throttled 4x: time from navigation start to the
// reject button on screen (and where it is then), main-thread blocking time (long tasks beyond
// 50 ms), the longest main-thread task (from a trace) and cumulative layout shift, for each system at each viewport, in fresh browser contexts, systems alternated
// A B C D E A B C D E within each viewport of each round.
import { SYSTEMS } from './lib/systems.mjs';
import { freshPage, VIEWPORTS } from './lib/browser.mjs';
import { summary } from './lib/stats.mjs';

/**
 * Installed before any page script: collects long tasks and layout shifts, and checks on every
 * frame whether the reject button has a box on screen, noting the time (ms since navigation start).
 */
const probe = (rejectSource) => `(() => {
  const find = ${rejectSource};
  window.__bench = { visibleAt: 0, longTasks: [], cls: 0 };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  const check = () => {
    const b = find();
    if (b) {
      const r = b.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden') { window.__bench.visibleAt = performance.now(); window.__bench.reject = { top: r.top, bottom: r.bottom, inView: r.top >= 0 && r.bottom <= innerHeight }; return; }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/**
 * The longest task on a renderer's main thread in a trace (ms): the page's, as only the page under
 * test runs in its renderer during the load.
 */
function longestTask(trace) {
  const { traceEvents } = JSON.parse(new TextDecoder().decode(trace));
  const main = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = 0;
  for (const e of traceEvents)
    if (e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
      longest = Math.max(longest, (e.dur ?? 0) / 1000);
  return longest;
}

async function once(browser, origin, system, viewport) {
  const { context, page } = await freshPage(browser, viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.evaluateOnNewDocument(probe(system.reject.toString()));
    // The trace gives every main-thread task, short ones too (the longtask API sees only > 50 ms).
    await page.tracing.start({
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    await page.goto(origin + system.page, { waitUntil: 'load', timeout: 30000 });
    await page.waitForFunction('window.__bench.visibleAt > 0', { timeout: 30000, polling: 20 });
    // Let late work (animations, deferred rendering) finish so its long tasks and shifts count too.
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 5000 }).catch(() => undefined);
    const longestTaskMs = longestTask(await page.tracing.stop());
    const r = await page.evaluate(() => window.__bench);
    if (await page.evaluate(() => window.benchTrackerRan === true))
      throw new Error(`${system.name}: the gated script ran before consent`);
    if (errors.length) throw new Error(`${system.name}: page error: ${errors.join('; ')}`);
    return {
      visibleMs: r.visibleAt,
      blockingMs: r.longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0),
      cls: r.cls,
      longestTaskMs,
      rejectTop: r.reject.top,
      rejectBottom: r.reject.bottom,
      rejectInView: r.reject.inView,
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs `rounds` rounds, each through every viewport; returns per viewport ({ viewport, systems })
 * and per system the raw runs and their summaries.
 */
export async function measureStartup(browser, origin, rounds, onProgress = () => {}) {
  const key = (viewport, system) => `${viewport.name} ${system.name}`;
  const runs = new Map();
  for (const viewport of VIEWPORTS) for (const s of SYSTEMS) runs.set(key(viewport, s), []);
  // One warm-up load each (disk cache of the binary, JIT of the server), not counted.
  for (const s of SYSTEMS) await once(browser, origin, s, VIEWPORTS[0]);
  for (let i = 0; i < rounds; i++) {
    for (const viewport of VIEWPORTS)
      for (const s of SYSTEMS)
        runs.get(key(viewport, s)).push(await once(browser, origin, s, viewport));
    onProgress(`startup round ${i + 1}/${rounds}`);
  }
  return VIEWPORTS.map((viewport) => ({
    viewport: viewport.name,
    systems: SYSTEMS.map((s) => {
      const own = runs.get(key(viewport, s));
      return {
        name: s.name,
        runs: own,
        visibleMs: summary(own.map((r) => r.visibleMs)),
        blockingMs: summary(own.map((r) => r.blockingMs)),
        cls: summary(own.map((r) => r.cls)),
        longestTaskMs: summary(own.map((r) => r.longestTaskMs)),
        rejectTop: summary(own.map((r) => r.rejectTop)),
        rejectBottom: summary(own.map((r) => r.rejectBottom)),
        rejectInView: own.every((r) => r.rejectInView),
      };
    }),
  }));
}
