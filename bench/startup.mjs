// Start-up in headless Chromium with the CPU throttled 4x: time from navigation start to the
// reject button on screen (and where it is then), main-thread blocking time (long tasks beyond
// 50 ms), the longest main-thread task that runs the system's code and the longest of the page
// (from a trace) and cumulative layout shift, for each system and the page without a consent
// manager at each viewport, in fresh browser contexts, systems alternated A B C D E A B C D E
// within each viewport of each round.
import { selectedSystems, isSystemScript } from './lib/systems.mjs';
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

/** Trace events that run a script, and where each names it. */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.run',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
]);
const scriptUrl = (e) => e.args?.data?.url ?? e.args?.fileName;
/** The path of an http(s) URL, else '' (about:blank, chrome://…, none). */
const pathOf = (url) => (url?.startsWith('http') ? new URL(url).pathname : '');

/**
 * The top-level tasks of the page's renderer main thread in a trace, in order, each with the
 * trace events it holds (`events`) and whether it runs the system's code (`own`): an
 * `EvaluateScript`, `v8.compile`, `v8.run` or `FunctionCall` (timers, animation frames, event
 * listeners, observers' callbacks) naming one of the system's scripts (`isSystemScript`). The
 * page's thread is the one that parsed its HTML: other renderers (Chromium's own WebUI pages) have
 * main threads in the same trace. Times in ms, `startMs` from the page's navigation.
 */
export function pageTasks(trace, system) {
  const { traceEvents } = JSON.parse(new TextDecoder().decode(trace));
  const thread = (e) => `${e.pid}:${e.tid}`;
  const parse = traceEvents.find(
    (e) => e.name === 'ParseHTML' && pathOf(e.args?.beginData?.url) === system.page,
  );
  if (!parse) throw new Error(`${system.name}: no HTML parsing of ${system.page} in the trace`);
  const events = traceEvents
    .filter((e) => e.ph === 'X' && thread(e) === thread(parse))
    .sort((a, b) => a.ts - b.ts);
  const start =
    traceEvents.find((e) => e.name === 'navigationStart' && thread(e) === thread(parse))?.ts ??
    events[0].ts;
  // Top-level tasks only: a task nested in another (a nested run loop) is part of it.
  const tasks = [];
  for (const e of events) {
    const last = tasks.at(-1);
    if (e.name === 'RunTask' && (!last || e.ts >= last.ts + last.dur))
      tasks.push({ ts: e.ts, dur: e.dur ?? 0, events: [], own: false });
    else if (last && e.ts <= last.ts + last.dur) {
      last.events.push(e);
      const path = SCRIPT_EVENTS.has(e.name) && pathOf(scriptUrl(e));
      if (path && isSystemScript(system, path)) last.own = true;
    }
  }
  return tasks.map((t) => ({ ...t, startMs: (t.ts - start) / 1000, durMs: t.dur / 1000 }));
}

/**
 * The longest tasks of the page's main thread (ms): `pageMs`, the longest of all (the page's HTML
 * parsing and its own first layout included), and `ownMs`, the longest that runs the system's
 * code (pageTasks).
 */
function longestTasks(trace, system) {
  const tasks = pageTasks(trace, system);
  const longest = (list) => Math.max(0, ...list.map((t) => t.durMs));
  return { pageMs: longest(tasks), ownMs: longest(tasks.filter((t) => t.own)) };
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
    const tasks = longestTasks(await page.tracing.stop(), system);
    const r = await page.evaluate(() => window.__bench);
    if (await page.evaluate(() => window.benchTrackerRan === true))
      throw new Error(`${system.name}: the gated script ran before consent`);
    if (errors.length) throw new Error(`${system.name}: page error: ${errors.join('; ')}`);
    return {
      visibleMs: r.visibleAt,
      blockingMs: r.longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0),
      cls: r.cls,
      longestTaskMs: tasks.pageMs,
      ownTaskMs: tasks.ownMs,
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
  const systems = selectedSystems({ withBaseline: true });
  const key = (viewport, system) => `${viewport.name} ${system.name}`;
  const runs = new Map();
  for (const viewport of VIEWPORTS) for (const s of systems) runs.set(key(viewport, s), []);
  // One warm-up load each (disk cache of the binary, JIT of the server), not counted.
  for (const s of systems) await once(browser, origin, s, VIEWPORTS[0]);
  for (let i = 0; i < rounds; i++) {
    for (const viewport of VIEWPORTS)
      for (const s of systems)
        runs.get(key(viewport, s)).push(await once(browser, origin, s, viewport));
    onProgress(`startup round ${i + 1}/${rounds}`);
  }
  return VIEWPORTS.map((viewport) => ({
    viewport: viewport.name,
    systems: systems.map((s) => {
      const own = runs.get(key(viewport, s));
      return {
        name: s.name,
        runs: own,
        visibleMs: summary(own.map((r) => r.visibleMs)),
        blockingMs: summary(own.map((r) => r.blockingMs)),
        cls: summary(own.map((r) => r.cls)),
        longestTaskMs: summary(own.map((r) => r.longestTaskMs)),
        ownTaskMs: summary(own.map((r) => r.ownTaskMs)),
        rejectTop: summary(own.map((r) => r.rejectTop)),
        rejectBottom: summary(own.map((r) => r.rejectBottom)),
        rejectInView: own.every((r) => r.rejectInView),
      };
    }),
  }));
}
