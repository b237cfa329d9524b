// Start-up in headless Chromium with the CPU throttled 4x: time from navigation start to the
// reject button on screen, main-thread blocking time (long tasks beyond 50 ms) and cumulative
// layout shift, for each system, in fresh browser contexts, systems alternated A B C D A B C D.
import { SYSTEMS } from './lib/systems.mjs';
import { freshPage } from './lib/browser.mjs';
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
      if (r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden') { window.__bench.visibleAt = performance.now(); return; }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function once(browser, origin, system) {
  const { context, page } = await freshPage(browser);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.evaluateOnNewDocument(probe(system.reject.toString()));
    await page.goto(origin + system.page, { waitUntil: 'load', timeout: 30000 });
    await page.waitForFunction('window.__bench.visibleAt > 0', { timeout: 30000, polling: 20 });
    // Let late work (animations, deferred rendering) finish so its long tasks and shifts count too.
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 5000 }).catch(() => undefined);
    const r = await page.evaluate(() => window.__bench);
    if (await page.evaluate(() => window.benchTrackerRan === true))
      throw new Error(`${system.name}: the gated script ran before consent`);
    if (errors.length) throw new Error(`${system.name}: page error: ${errors.join('; ')}`);
    return {
      visibleMs: r.visibleAt,
      blockingMs: r.longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0),
      cls: r.cls,
    };
  } finally {
    await context.close();
  }
}

/** Runs `rounds` rounds; returns per system the raw runs and their summaries. */
export async function measureStartup(browser, origin, rounds, onProgress = () => {}) {
  const runs = Object.fromEntries(SYSTEMS.map((s) => [s.name, []]));
  // One warm-up load each (disk cache of the binary, JIT of the server), not counted.
  for (const s of SYSTEMS) await once(browser, origin, s);
  for (let i = 0; i < rounds; i++) {
    for (const s of SYSTEMS) runs[s.name].push(await once(browser, origin, s));
    onProgress(`startup round ${i + 1}/${rounds}`);
  }
  return SYSTEMS.map((s) => ({
    name: s.name,
    runs: runs[s.name],
    visibleMs: summary(runs[s.name].map((r) => r.visibleMs)),
    blockingMs: summary(runs[s.name].map((r) => r.blockingMs)),
    cls: summary(runs[s.name].map((r) => r.cls)),
  }));
}
