// `node bench/profile.mjs`: where the time to garde's reject button goes in a cold load of the
// bench page (bench/fixtures/garde/), as a Chromium CPU profile at 1x and at 4x CPU throttling:
// navigation -> reject visible, DOMContentLoaded, and the main thread's self time until the button
// is visible, by script file and by function (the twelve largest). One profiled load after one
// warm-up per rate: a profile shows where the time goes, not how long it takes (that is run.mjs).
// Then, from a trace of one more load at 4x, the page's main-thread tasks that run garde's code
// (issue 18: each under 50 ms) or take over 10 ms, with what they hold; and each of garde's tasks
// split by kind (lib/task-breakdown.mjs): the browser's steps (HTML parsing, compilation, garbage
// collection, the cookie read, style sheets, style and layout, paint), then garde's JavaScript by
// source module and by what the top level, a timer or a microtask called (from the trace's CPU
// samples and dist/'s source maps). PROFILE_RUNS=3 traces three loads (default one).
// PROFILE_PAGE=/fixtures/garde/ names another bench page; PROFILE_SYSTEM=orejime traces another
// system's page (its tasks marked `G`, its reject button), PROFILE_TRACE_ONLY=1 skips the profiles.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { startServer, REPO } from './lib/server.mjs';
import { launch, freshPage } from './lib/browser.mjs';
import { pageTasks } from './startup.mjs';
import { TRACE_CATEGORIES, breakdown, cpuSamples } from './lib/task-breakdown.mjs';
import { SYSTEMS, GARDE_FRAME, BASELINE, BASELINE_NO_FRAME } from './lib/systems.mjs';

const garde = [...SYSTEMS, GARDE_FRAME, BASELINE, BASELINE_NO_FRAME].find((system) =>
  system.name.startsWith(process.env.PROFILE_SYSTEM ?? 'garde'),
);
const pagePath = process.env.PROFILE_PAGE ?? garde.page;

/** Notes when the reject button first has a box (ms since navigation start). */
const probe = `(() => {
  const find = ${garde.reject.toString()};
  const check = () => {
    const b = find();
    if (b && b.getBoundingClientRect().height > 0) { window.__rejectAt = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function profileOnce(browser, origin, rate) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.setViewport({ width: 1280, height: 800 });
  await page.evaluateOnNewDocument(probe);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(origin + pagePath, { waitUntil: 'load' });
  await page.waitForFunction('window.__rejectAt > 0', { polling: 20 });
  const { profile } = await cdp.send('Profiler.stop');
  // NavigationStart in the profile's clock (monotonic seconds; the profile's is in µs).
  const { metrics } = await cdp.send('Performance.getMetrics');
  const navigationStart = metrics.find((metric) => metric.name === 'NavigationStart').value * 1e6;
  const timing = await page.evaluate(() => ({
    rejectAt: window.__rejectAt,
    domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  }));
  await context.close();
  return { profile, timing, navigationStart };
}

/** A minified position in one of garde's files, as its source names it (from the source map). */
const maps = new Map();
function original(file, line, column) {
  if (!maps.has(file)) {
    const mapFile = join(REPO, `${file.slice(1)}.map`);
    maps.set(
      file,
      file.startsWith('/dist/') && existsSync(mapFile)
        ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')))
        : null,
    );
  }
  const position = maps.get(file)?.originalPositionFor({ line: line + 1, column });
  return position?.source
    ? `${position.name ?? ''} ${position.source.replace(/^.*?(node_modules|src)\//, '$1/')}:${position.line}`
    : null;
}

/** A frame of the CPU samples as its source names it: { name, module }, or null. */
function where(frame) {
  if (!frame.url?.startsWith('http')) return null;
  const position = original(new URL(frame.url).pathname, frame.lineNumber, frame.columnNumber);
  if (!position) return null;
  const [name, module] = position.split(' ');
  return { name, module: module.replace(/:\d+$/, '') };
}

/** Names the main events of a task: what runs in it, and the browser's larger steps. */
function describe(task) {
  const seen = new Map();
  for (const e of task.events) {
    const url = e.args?.data?.url;
    const name =
      e.name === 'EvaluateScript'
        ? `EvaluateScript ${url ? new URL(url).pathname.split('/').pop() : '(inline)'}`
        : e.name === 'EventDispatch'
          ? `${e.args?.data?.type} event`
          : e.name;
    if (
      !/^(EvaluateScript|EventDispatch|TimerFire|FireAnimationFrame|RunPostTaskCallback|ParseHTML|UpdateLayoutTree|Layout|Paint|Commit)$/.test(
        e.name,
      )
    )
      continue;
    seen.set(name, (seen.get(name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...seen].map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ');
}

/** One traced load at 4x: the tasks that run garde's code or take over 10 ms. */
async function tasksOnce(browser, origin) {
  const { context, page } = await freshPage(browser);
  try {
    await page.evaluateOnNewDocument(probe);
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    await page.goto(origin + pagePath, { waitUntil: 'load' });
    await page.waitForFunction('window.__rejectAt > 0', { polling: 20 });
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 5000 }).catch(() => undefined);
    const trace = await page.tracing.stop();
    const tasks = pageTasks(trace, { ...garde, page: pagePath });
    // The CPU samples of the thread the tasks ran on.
    const { traceEvents } = JSON.parse(new TextDecoder().decode(trace));
    const { pid, tid } = tasks.find((t) => t.events.length).events[0];
    const samples = cpuSamples(traceEvents, pid, tid);
    for (const task of tasks) if (task.own) task.breakdown = breakdown(task, samples, where);
    const { rejectAt, domContentLoaded, scripts } = await page.evaluate(() => ({
      rejectAt: window.__rejectAt,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
      // When each script and style sheet arrived: a deferred script runs once both it and the
      // HTML are in.
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => /\.(js|css)$/.test(r.name))
        .map(
          (r) => `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`,
        ),
    }));
    return { tasks, rejectAt, domContentLoaded, scripts };
  } finally {
    await context.close();
  }
}

/**
 * Self time (ms) per function and per file, of the samples taken between navigation start and
 * the moment the reject button was visible (`untilMs` after it).
 */
function selfTimes(profile, navigationStart, untilMs) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  const byFile = new Map();
  let t = profile.startTime;
  const cut = navigationStart + untilMs * 1000;
  profile.samples.forEach((id, index) => {
    t += profile.timeDeltas[index];
    if (t < navigationStart || t > cut) return;
    const next = profile.timeDeltas[index + 1] ?? 0;
    const { callFrame } = nodes.get(id);
    const file = callFrame.url
      ? new URL(callFrame.url).pathname
      : `(${callFrame.functionName || 'native'})`;
    const fn =
      original(file, callFrame.lineNumber, callFrame.columnNumber) ??
      `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
    // A file of garde's by its source module.
    const module = original(file, callFrame.lineNumber, callFrame.columnNumber)?.split(' ')[1];
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + next / 1000);
    const where = module ? `${file} ${module.replace(/:\d+$/, '')}` : file;
    byFile.set(where, (byFile.get(where) ?? 0) + next / 1000);
  });
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  return { files: top(byFile, 14), functions: top(byFunction, 12) };
}

const server = await startServer();
const browser = await launch();
try {
  for (const rate of process.env.PROFILE_TRACE_ONLY ? [] : [1, 4]) {
    await profileOnce(browser, server.origin, rate);
    const { profile, timing, navigationStart } = await profileOnce(browser, server.origin, rate);
    const { files, functions } = selfTimes(profile, navigationStart, timing.rejectAt);
    console.log(
      `\n${pagePath} at ${rate}x: reject visible at ${timing.rejectAt.toFixed(0)} ms, ` +
        `DOMContentLoaded end at ${timing.domContentLoaded.toFixed(0)} ms (from navigation start)`,
    );
    console.log(
      `main-thread self time until the reject button, by file (garde's by module):\n${files.join('\n')}`,
    );
    console.log(`by function:\n${functions.join('\n')}`);
  }
  await tasksOnce(browser, server.origin);
  for (let run = 0; run < Number(process.env.PROFILE_RUNS ?? 1); run++) {
    const { tasks, rejectAt, domContentLoaded, scripts } = await tasksOnce(browser, server.origin);
    console.log(
      `\n${pagePath} at 4x, traced: reject visible at ${rejectAt.toFixed(0)} ms (the frame it was ` +
        `found in), DOMContentLoaded at ${domContentLoaded.toFixed(0)} ms; main-thread tasks ` +
        `(G: runs ${garde.name}'s code), ms from navigation start:`,
    );
    console.log(`  files requested (start-end, ms): ${scripts.join(', ')}`);
    // Frames too (a task with a paint), up to the one after the button: when each page draws.
    const frame = (t) => t.events.some((e) => e.name === 'Paint' || e.name === 'Commit');
    for (const task of tasks.filter(
      (t) => t.own || t.durMs > 10 || (frame(t) && t.startMs < rejectAt + 50),
    ))
      console.log(
        `  ${task.own ? 'G' : ' '} ${task.startMs.toFixed(0).padStart(5)}  ${task.durMs.toFixed(1).padStart(6)} ms  ${describe(task)}`,
      );
    // What each of garde's tasks of 2 ms or more holds (the traced categories slow them a little).
    const list = (pairs, min) =>
      pairs
        .filter(([, ms]) => ms >= min)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
        .join(', ');
    console.log(
      `\n${garde.name}'s tasks, by kind (ms); its JavaScript by module and by entry -> call:`,
    );
    for (const task of tasks.filter((t) => t.own && t.durMs >= 2)) {
      const { kinds, modules, callers } = task.breakdown;
      console.log(
        `  ${task.startMs.toFixed(0).padStart(5)}  ${task.durMs.toFixed(1).padStart(6)} ms`,
      );
      console.log(`      kinds: ${list(kinds, 0.5)}`);
      if (modules.length) console.log(`      modules: ${list(modules.slice(0, 10), 0.5)}`);
      for (const [call, ms] of callers.filter(([, ms]) => ms >= 1).slice(0, 8))
        console.log(`      ${ms.toFixed(1).padStart(6)}  ${call}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
