// `npm run bench`: size, start-up (per viewport) and gating cost of garde next to
// vanilla-cookieconsent, Orejime, Klaro and tarteaucitron, printed as tables; raw figures in
// bench/results/latest.json and the Markdown tables in bench/results/latest.md (for
// docs/benchmarks.md).
// BENCH_ROUNDS (default 5: median of five) and BENCH_GATING_RUNS (default 9; 0: no gating table)
// change the number of runs; BENCH_SYSTEMS=garde,orejime,no limits the systems (by the start of
// their names; "no" is the page without a consent manager); BENCH_BUILDS=main=/tmp/main-dist adds
// another build of garde to the start-up tables, served beside dist/ (lib/systems.mjs): a change and
// the build before it measured in one run. The machine's load average at the start and at the end is printed with the figures.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import { startServer, REPO } from './lib/server.mjs';
import { launch, CPU_THROTTLE, VIEWPORTS } from './lib/browser.mjs';
import { selectedSystems } from './lib/systems.mjs';
import { measureSizes } from './size.mjs';
import { measureStartup } from './startup.mjs';
import { measureGating } from './gating.mjs';
import { textTable, markdownTable, fmtBytes, fmtMs, ratio } from './lib/table.mjs';
import { summary } from './lib/stats.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const gatingRuns = Number(process.env.BENCH_GATING_RUNS ?? 9);
const progress = (line) => process.stderr.write(`  ${line}\n`);
const started = Date.now();
const loadAtStart = os.loadavg()[0];

const server = await startServer();
const browser = await launch();
let results;
try {
  progress('size');
  const sizes = await measureSizes(browser, server.origin);
  progress(
    `startup: ${rounds} rounds of ${selectedSystems({ withBaseline: true }).length} systems at ${VIEWPORTS.length} viewports, CPU throttled ${CPU_THROTTLE}x`,
  );
  const startup = await measureStartup(browser, server.origin, rounds, progress);
  progress(`gating: ${gatingRuns} runs of 3 variants`);
  const gating = gatingRuns
    ? await measureGating(browser, server.origin, gatingRuns, progress)
    : null;
  results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      chromium: await browser.version(),
      platform: `${os.platform()} ${os.release()}`,
      cpuThrottling: CPU_THROTTLE,
    },
    rounds,
    gatingRuns,
    sizes,
    startup,
    gating,
  };
} finally {
  await browser.close();
  await server.close();
}

const g = (list) => list.find((x) => x.name === 'garde');

// Size
const gs = g(results.sizes);
const sizeHeader = [
  'system',
  'files',
  'raw B',
  'gzip -9 B',
  'brotli B',
  'garde/other (gzip)',
  'garde/other (brotli)',
];
const sizeRows = results.sizes.map((s) => [
  s.name,
  // Each file with its own gzip -9 bytes.
  s.files.map((f) => `${f.path.split('/').pop()} ${fmtBytes(f.gzip)}`).join(' + '),
  fmtBytes(s.raw),
  fmtBytes(s.gzip),
  fmtBytes(s.brotli),
  s.name === 'garde' || !gs ? '–' : ratio(gs.gzip, s.gzip),
  s.name === 'garde' || !gs ? '–' : ratio(gs.brotli, s.brotli),
]);

// Start-up, one table per viewport
const spread = (x, digits = 0) => `${x.q1.toFixed(digits)}–${x.q3.toFixed(digits)}`;
const startHeader = [
  'system',
  'reject visible ms (median)',
  'IQR',
  'min–max',
  'garde/other',
  'blocking ms (median)',
  'IQR',
  'CLS (median)',
  'CLS max',
  "longest task of the system's ms (median)",
  'longest task of the page ms (median)',
  'reject top–bottom px (median)',
];
const startRows = (systems) => {
  const gst = g(systems);
  return systems.map((s) => [
    s.name,
    fmtMs(s.visibleMs.median),
    spread(s.visibleMs),
    `${fmtMs(s.visibleMs.min)}–${fmtMs(s.visibleMs.max)}`,
    s.name === 'garde' || !gst ? '–' : ratio(gst.visibleMs.median, s.visibleMs.median),
    fmtMs(s.blockingMs.median),
    spread(s.blockingMs),
    s.cls.median.toFixed(3),
    s.cls.max.toFixed(3),
    fmtMs(s.ownTaskMs.median),
    fmtMs(s.longestTaskMs.median),
    `${fmtMs(s.rejectTop.median)}–${fmtMs(s.rejectBottom.median)}${s.rejectInView ? '' : ' (not all in view)'}`,
  ]);
};
const startTitle = (viewport) =>
  `Start-up at ${viewport}: ${rounds} fresh contexts per system, alternated; headless Chromium, CPU throttled ${CPU_THROTTLE}x`;
// Layout shift side by side: the median (and max) of each system at each viewport.
const clsHeader = ['system', ...results.startup.map((v) => `CLS ${v.viewport} (median / max)`)];
const clsRows = results.startup[0].systems.map(({ name }) => [
  name,
  ...results.startup.map((v) => {
    const { cls } = v.systems.find((s) => s.name === name);
    return `${cls.median.toFixed(3)} / ${cls.max.toFixed(3)}`;
  }),
]);

// Gating (none when BENCH_GATING_RUNS=0)
function gatingReport() {
  const by = Object.fromEntries(results.gating.map((x) => [x.name, x]));
  const extra = by['with garde'].scriptMs - by['without garde'].scriptMs;
  const gardeWith = by['with garde'].gardeMs;
  const gardeAlone = by['garde alone (no elements)'].gardeMs;
  const gatingHeader = [
    'page',
    'page scripting ms (median)',
    'IQR',
    'in garde.js ms (median)',
    'IQR',
  ];
  const iqr = (list, k) => {
    const s = summary(list.map((x) => x[k]));
    return `${fmtMs(s.q1)}–${fmtMs(s.q3)}`;
  };
  const gatingRows = results.gating.map((x) => [
    x.name,
    fmtMs(x.scriptMs),
    iqr(x.runs, 'scriptMs'),
    x.name === 'without garde' ? '–' : fmtMs(x.gardeMs),
    x.name === 'without garde' ? '–' : iqr(x.runs, 'gardeMs'),
  ]);
  const spreadOf = (list, k) => {
    const s = summary(list.map((x) => x[k]));
    return s.q3 - s.q1;
  };
  const gatingMs = gardeWith - gardeAlone;
  // Below the spread of the runs themselves, a difference is not a measurement.
  const noise = Math.max(
    spreadOf(by['with garde'].runs, 'gardeMs'),
    spreadOf(by['garde alone (no elements)'].runs, 'gardeMs'),
  );
  const gatingNote =
    `garde's own CPU time: ${fmtMs(gardeAlone)} ms to start (banner included) on the page without the elements, ` +
    `${fmtMs(gardeWith)} ms with them: ` +
    (gatingMs > noise
      ? `gating 10,000 added elements (200 gated) costs about ${fmtMs(gatingMs)} ms. `
      : `gating 10,000 added elements (200 gated) costs less than the runs' own spread (difference ${fmtMs(gatingMs)} ms, IQR up to ${fmtMs(noise)} ms). `) +
    `Whole-page scripting differs by ${fmtMs(extra)} ms (with − without garde), within the noise of the 100 frames the page creates.`;
  const gatingSummary = {
    extraScriptMs: extra,
    gardeStartMs: gardeAlone,
    gardeWithElementsMs: gardeWith,
    gatingMs,
    noiseMs: noise,
  };
  return { gatingHeader, gatingRows, gatingNote, gatingSummary };
}
const gatingTables = results.gating && gatingReport();
if (gatingTables) results.gatingSummary = gatingTables.gatingSummary;

const m = results.machine;
// On shared cores the load changes every timing: it is part of the result.
const load = `load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`;
const machine = `${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}, ${m.chromium}, CPU throttled ${m.cpuThrottling}x, ${results.date.slice(0, 10)}, ${load}`;
const seconds = ((Date.now() - started) / 1000).toFixed(0);

console.log(`\nSize: library files loaded for a working banner (one language)\n`);
console.log(textTable(sizeHeader, sizeRows));
for (const { viewport, systems } of results.startup) {
  console.log(`\n${startTitle(viewport)}\n`);
  console.log(textTable(startHeader, startRows(systems)));
}
console.log(`\nCumulative layout shift per viewport (Web Vitals: good up to 0.1)\n`);
console.log(textTable(clsHeader, clsRows));
if (gatingTables) {
  console.log(
    `\nGating cost: 10,000 elements added by script, 200 of them gated (median of ${gatingRuns})\n`,
  );
  console.log(textTable(gatingTables.gatingHeader, gatingTables.gatingRows));
  console.log(`\n${gatingTables.gatingNote}`);
}
console.log(`\nMachine: ${machine}. Took ${seconds} s.`);

const md = [
  `Command: \`npm run bench\`. Machine: ${machine}.`,
  '',
  '### Size',
  '',
  markdownTable(sizeHeader, sizeRows),
  '',
  ...results.startup.flatMap(({ viewport, systems }) => [
    `### Start-up at ${viewport} (${rounds} fresh contexts per system, alternated)`,
    '',
    markdownTable(startHeader, startRows(systems)),
    '',
  ]),
  '### Layout shift per viewport',
  '',
  markdownTable(clsHeader, clsRows),
  '',
  ...(gatingTables
    ? [
        `### Gating cost (median of ${gatingRuns})`,
        '',
        markdownTable(gatingTables.gatingHeader, gatingTables.gatingRows),
        '',
        gatingTables.gatingNote,
        '',
      ]
    : []),
].join('\n');

const dir = join(REPO, 'bench/results');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'latest.json'), JSON.stringify(results, null, 2));
await writeFile(join(dir, 'latest.md'), md);
process.stderr.write(`\nwrote bench/results/latest.json and latest.md\n`);
