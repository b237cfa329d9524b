// Gating cost: a page whose script adds 10,000 elements, 200 of them gated (100 scripts with
// type="text/plain" data-category, 100 iframes with data-src), after garde has started, so that
// garde's MutationObserver sees every one. Two measures per run:
//  - the page's whole scripting time (CDP Performance.getMetrics ScriptDuration), with and without
//    garde: the honest total, but the 100 frames make it noisy;
//  - the CPU time spent in garde's code (a V8 CPU profile, 100 µs sampling: every sample whose
//    stack holds a frame of garde.js), with the elements and on the same page without them:
//    the difference is what gating the 10,000 elements costs.
import { addPage } from './lib/server.mjs';
import { freshPage } from './lib/browser.mjs';
import { median } from './lib/stats.mjs';

const CONFIG = JSON.stringify({
  policy: { url: '/privacy', version: '1' },
  categories: { analytics: {}, marketing: {} },
  recordEndpoint: null,
  analyticsEndpoint: null,
  lang: 'en',
});

const ADDER = `
  const box = document.getElementById('box');
  const frag = document.createDocumentFragment();
  for (let i = 0; i < 10000; i++) {
    let el;
    if (i % 100 === 0) { el = document.createElement('script'); el.type = 'text/plain'; el.dataset.category = i % 200 ? 'marketing' : 'analytics'; el.textContent = 'window.gatedRan = (window.gatedRan || 0) + 1;'; }
    else if (i % 100 === 50) { el = document.createElement('iframe'); el.dataset.category = 'marketing'; el.dataset.src = '/fixtures/shared/video.html'; el.title = 'frame ' + i; }
    else { el = document.createElement(i % 3 ? 'span' : 'p'); el.textContent = 'item ' + i; }
    frag.append(el);
  }
  box.append(frag);
  window.__added = performance.now();
`;

function page({ garde, elements }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gating</title>
${garde ? `<script type="application/json" id="garde-config">${CONFIG}</script><script src="/dist/garde.js"></script>` : ''}
</head><body><div id="box"></div>
<script>${elements ? ADDER : 'window.__added = performance.now();'}</script></body></html>`;
}

const VARIANTS = [
  ['without garde', { garde: false, elements: true }],
  ['with garde', { garde: true, elements: true }],
  ['garde alone (no elements)', { garde: true, elements: false }],
];

/** Microseconds of samples whose stack holds a frame from a URL ending in `suffix`. */
export function timeIn(profile, suffix) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inside = new Map();
  const isInside = (id) => {
    if (inside.has(id)) return inside.get(id);
    const n = byId.get(id);
    const v = n.callFrame.url.endsWith(suffix) || (parent.has(id) && isInside(parent.get(id)));
    inside.set(id, v);
    return v;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (isInside(id)) us += profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
  });
  return us;
}

async function once(browser, origin, path) {
  const { context, page, cdp } = await freshPage(browser);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.waitForFunction('window.__added > 0');
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 5000 }).catch(() => undefined);
    const { profile } = await cdp.send('Profiler.stop');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const gatedRan = await page.evaluate(() => window.gatedRan ?? 0);
    if (gatedRan) throw new Error(`a gated script ran before consent (${gatedRan})`);
    const counts = await page.evaluate(() => [
      document.querySelectorAll('script[type="text/plain"][data-category]').length,
      document.querySelectorAll('iframe[data-src]:not([src])').length,
    ]);
    if (path.endsWith('-0.html') || path.endsWith('-1.html')) {
      if (counts[0] !== 100 || counts[1] !== 100)
        throw new Error(`expected 100 sleeping scripts and 100 sleeping frames, found ${counts}`);
    }
    return {
      scriptMs: m.ScriptDuration * 1000,
      taskMs: m.TaskDuration * 1000,
      gardeMs: timeIn(profile, '/dist/garde.js') / 1000,
    };
  } finally {
    await context.close();
  }
}

/** Runs every variant `runs` times, alternated, the first one rotating each round; returns the medians. */
export async function measureGating(browser, origin, runs, onProgress = () => {}) {
  VARIANTS.forEach(([, v], i) => addPage(`/gen/gating-${i}.html`, page(v)));
  const results = VARIANTS.map(() => []);
  for (let r = 0; r < runs; r++) {
    // Rotating the order spreads whatever the first load of a round pays (a new renderer, GC) evenly.
    for (let k = 0; k < VARIANTS.length; k++) {
      const i = (k + r) % VARIANTS.length;
      results[i].push(await once(browser, origin, `/gen/gating-${i}.html`));
    }
    onProgress(`gating round ${r + 1}/${runs}`);
  }
  return VARIANTS.map(([name], i) => ({
    name,
    scriptMs: median(results[i].map((x) => x.scriptMs)),
    taskMs: median(results[i].map((x) => x.taskMs)),
    gardeMs: median(results[i].map((x) => x.gardeMs)),
    runs: results[i],
  }));
}
