// Ingest benchmark of the collector, with wrk (C: it leaves the two cores to the servers; autocannon, in
// Node, saturated them first). In one run, side by side, each for --duration seconds after a 2 s warm-up:
//   - a bare fastify POST /consent that answers 202 (bare-server.mjs), at the start and again at the end;
//   - the collector on SQLite (each receipt committed before its 202), synchronous NORMAL and FULL;
//   - the collector on PostgreSQL, one process, then two processes on one database (one log), each
//     loaded by its own wrk with half the connections.
// Every request carries a fresh receipt (receipts.lua: lower-case UUIDs, same body size): by default UUID v7
// receipt and consent ids (time-ordered, as garde's browsers make them); --ids random gives random
// version-4 UUIDs, as garde versions before v7 send them. Printed: receipts/s,
// p50/p99 latency, the ratio to the bare handler (the mean of its two runs), and after each collector run
// that every 202 is stored (rows counted in the database against 202s counted by wrk) and that
// `garde-collector verify` finds the log intact with one leaf per stored receipt.
//   node bench/collector/run.mjs [--duration 10] [--connections 50] [--only sqlite|pg] [--ids v7|random]
// --only keeps the bare rows (the denominator) and the rows of one database.
// PostgreSQL rows: set GARDE_BENCH_PG_URL or GARDE_TEST_PG_URL (postgres://…); skipped otherwise. Each PG run
// gets a schema of its own in that database, dropped afterwards. Servers listen on 127.0.0.1, on ports the
// system picks (a fixed port in the ephemeral range can be taken by a wrk connection's TIME-WAIT).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuWindow } from './cpu.mjs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('receipts.lua', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg('duration', 10);
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
if (ONLY !== null && ONLY !== 'sqlite' && ONLY !== 'pg') {
  console.error('--only takes sqlite or pg');
  process.exit(2);
}
const IDS = process.argv.includes('--ids') ? process.argv[process.argv.indexOf('--ids') + 1] : 'v7';
if (IDS !== 'v7' && IDS !== 'random') {
  console.error('--ids takes v7 or random');
  process.exit(2);
}
const CONNECTIONS = arg('connections', 50);
const TOKEN = randomUUID();
const PG_URL = process.env.GARDE_BENCH_PG_URL || process.env.GARDE_TEST_PG_URL || null;
const TARGETS = { sqlite: 0.8, sqliteP99Ms: 20, pgOne: 0.5, pgTwoOverOne: 1.4 };
/** Cores that other work may use during a row before the bench warns that the row is not comparable. */
const OTHER_WORK_CORES = 0.1;

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is needed: apt-get install -y wrk');
  process.exit(2);
}

const threadNames = fileURLToPath(new URL('thread-names.mjs', import.meta.url));
/** The collector's threads by the module they run (printed by thread-names.mjs). */
const THREAD_ROLES = {
  'sqlite-worker': 'writer',
  'sqlite-checkpointer': 'checkpointer',
  'postgres-sequencer-worker': 'sequencer',
};

/**
 * Starts a server process and resolves once it prints its "listening on" line, with its pid and the
 * names of its worker threads by thread id (kept up to date: the PostgreSQL sequencer starts later).
 */
function startProcess(args, env = {}) {
  const child = spawn(process.execPath, ['--import', threadNames, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exit = new Promise((resolve) => child.once('exit', resolve));
  const threads = new Map();
  return new Promise((resolve, reject) => {
    let out = '';
    let rest = '';
    child.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const thread = /^garde-bench-thread (\d+) (\S+)/.exec(line);
        if (thread) threads.set(thread[1], THREAD_ROLES[thread[2]] ?? thread[2]);
        if (out !== null) out += `${line}\n`;
        const match = out === null ? null : /listening on (http:\/\/[^"\s]+)/.exec(line);
        if (match) {
          out = null;
          resolve({
            url: match[1],
            pid: child.pid,
            threads,
            stop: () => (child.kill('SIGTERM'), exit),
          });
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${out}`)));
  });
}

const startCollector = (port, storageArgs, env) =>
  startProcess(
    // Level info: accepted requests log at debug, so the run measures ingest, not logging.
    [
      'collector/bin/garde-collector.js',
      ...['--port', String(port), '--rate-limit', '0', '--log-level', 'info', ...storageArgs],
    ],
    { ...env, GARDE_ADMIN_TOKEN: TOKEN },
  );

let nonce = (process.pid * 1000) % 0x100000000;

/** One wrk process; resolves with the line its script prints (receipts.lua's `done`) and its CPU. */
function wrk(url, threads, connections, duration) {
  nonce++;
  const args = [
    ...['-t', String(threads), '-c', String(connections), '-d', `${duration}s`],
    ...['--timeout', '10s', '-s', script, `${url}/consent`, '--', String(nonce), IDS],
  ];
  return new Promise((resolve, reject) => {
    // Through a shell whose `times` prints its children's user and system time: wrk's CPU, which /proc
    // no longer shows once it has exited.
    const child = spawn('bash', ['-c', 'wrk "$@"; status=$?; times; exit $status', 'wrk', ...args]);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => {
      const match = /^wrk-result (.*)$/m.exec(out);
      const times = [...out.matchAll(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm)].at(-1);
      const seconds = (m, s) => Number(m) * 60 + Number(s);
      const cpuUs = times ? (seconds(times[1], times[2]) + seconds(times[3], times[4])) * 1e6 : 0;
      if (code === 0 && match) resolve({ ...JSON.parse(match[1]), cpuUs });
      else reject(new Error(`wrk failed (${code}): ${out}`));
    });
  });
}

/**
 * Loads every server at once, the connections shared between them; one figure for all. Measured runs
 * (`database` given: a name, or null without PostgreSQL) also give the CPU of each process and thread
 * during the run (cpu.mjs).
 */
async function load(servers, duration, database, sequencers) {
  const urls = servers.map((server) => server.url);
  const window = database === undefined ? null : cpuWindow(servers, database, sequencers);
  const runs = await Promise.all(
    urls.map((url) =>
      wrk(url, urls.length === 1 ? 2 : 1, Math.round(CONNECTIONS / urls.length), duration),
    ),
  );
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  return {
    cpu: window?.stop({ wrk: sum('cpuUs') }) ?? null,
    accepted: sum('accepted'),
    requests: sum('requests'),
    errors: sum('connectErrors') + sum('readErrors') + sum('writeErrors') + sum('timeouts'),
    non2xx: sum('non2xx'),
    perSecond: runs.reduce((total, run) => total + run.accepted / (run.durationUs / 1e6), 0),
    // Each wrk's own percentiles; with two, the worse one (a visitor may hit either collector).
    p50: Math.max(...runs.map((run) => run.p50Us)) / 1000,
    p99: Math.max(...runs.map((run) => run.p99Us)) / 1000,
  };
}

async function total(url) {
  const res = await fetch(`${url}/api/records?pageSize=1`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  if (!res.ok) throw new Error(`GET /api/records: ${res.status}`);
  return (await res.json()).total;
}

/** Each row's CPU accounting (cpu.mjs) and 202 count, printed after the main table. */
const accounts = new WeakMap();

function row(name, result, extra = {}) {
  const shown = {
    system: name,
    'receipts/s': Math.round(result.perSecond),
    'p50 ms': Number(result.p50.toFixed(1)),
    'p99 ms': Number(result.p99.toFixed(1)),
    '202s': result.accepted,
    'errors+non-2xx': result.errors + result.non2xx,
    ...extra,
  };
  accounts.set(shown, { cpu: result.cpu, accepted: result.accepted });
  return shown;
}

async function bare() {
  const server = await startProcess(['bench/collector/bare-server.mjs', '0']);
  try {
    await load([server], 2);
    return row('bare fastify handler (202)', await load([server], DURATION, null));
  } finally {
    await server.stop();
  }
}

/** Runs the collector(s), loads them, then checks storage and the log with the collectors stopped. */
async function collector(name, storageArgs, env, processes = 1, database = null) {
  const servers = [await startCollector(0, storageArgs, env)];
  // The second starts after the first migrated the database.
  if (processes === 2) servers.push(await startCollector(0, storageArgs, env));
  let result, stored;
  try {
    const urls = servers.map((server) => server.url);
    await load(servers, 2); // warm-up: JIT, page cache, connection pools
    const before = await total(urls[0]);
    result = await load(servers, DURATION, database, database && (await sequencerPids(database)));
    stored = (await total(urls[0])) - before;
  } finally {
    // A stopped collector has sequenced every stored receipt into the log (its last round).
    for (const server of servers) await server.stop();
  }
  const verify = spawnSync(
    process.execPath,
    ['collector/bin/garde-collector.js', 'verify', ...storageArgs],
    { cwd: root, env: { ...process.env, ...env, GARDE_ADMIN_TOKEN: '' }, encoding: 'utf8' },
  );
  const output = `${verify.stdout}${verify.stderr}`.trim();
  return row(name, result, {
    stored,
    // wrk counts the 202s it read; the database may hold a few more (answers in flight when wrk stopped).
    'lost 202s': Math.max(0, result.accepted - stored),
    log:
      verify.status === 0
        ? `intact, ${/(\d+) leaves/.exec(output)?.[1] ?? '?'} leaves`
        : `BROKEN: ${output}`,
  });
}

/** The pids of the sequencers' connections to `database` (their application_name), as strings. */
async function sequencerPids(database) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1
       AND application_name = 'garde-collector sequencer'`,
      [database],
    );
    return new Set(rows.map((row) => String(row.pid)));
  } finally {
    await client.end();
  }
}

async function postgres(name, processes) {
  const schema = `garde_bench_${process.pid}_${processes}`;
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const database = decodeURIComponent(url.pathname.slice(1));
    return await collector(name, [], { DATABASE_URL: url.toString() }, processes, database);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const loadBefore = loadavg()[0].toFixed(1);
const rows = [];
const progress = (text) => process.stderr.write(`  ${text}\n`);
const tmp = mkdtempSync(join(tmpdir(), 'garde-bench-'));
// One directory per SQLite run: the log key and the checkpoint files go next to the database.
for (const dir of ['normal', 'full']) mkdirSync(join(tmp, dir));
try {
  progress('bare fastify handler');
  rows.push(await bare());
  if (ONLY !== 'pg') {
    progress('SQLite, synchronous=NORMAL');
    rows.push(
      await collector('collector, SQLite (WAL, synchronous=NORMAL)', [
        '--db',
        join(tmp, 'normal', 'bench.sqlite'),
      ]),
    );
    progress('SQLite, synchronous=FULL');
    rows.push(
      await collector('collector, SQLite (WAL, synchronous=FULL)', [
        ...['--db', join(tmp, 'full', 'bench.sqlite'), '--sqlite-sync', 'full'],
      ]),
    );
  }
  if (ONLY !== 'sqlite' && PG_URL) {
    progress('PostgreSQL, one collector');
    rows.push(await postgres('collector, PostgreSQL, one process', 1));
    progress('PostgreSQL, two collectors');
    rows.push(await postgres('collectors, PostgreSQL, two processes, one log', 2));
  } else if (ONLY !== 'sqlite') {
    progress('PostgreSQL: skipped (set GARDE_BENCH_PG_URL or GARDE_TEST_PG_URL to postgres://…)');
  }
  progress('bare fastify handler again');
  rows.push(await bare());
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const bareRuns = rows.filter((r) => r.system.startsWith('bare'));
const baseline = (bareRuns[0]['receipts/s'] + bareRuns[1]['receipts/s']) / 2;
for (const r of rows) r['x bare'] = Number((r['receipts/s'] / baseline).toFixed(2));

console.log(
  `\nPOST /consent with wrk, ${CONNECTIONS} connections, ${DURATION} s per run after 2 s of warm-up, ` +
    `${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, Node ${process.version}`,
);
console.log(
  IDS === 'random'
    ? 'receipt and consent ids: random version-4 UUIDs (as garde versions before v7 send them)'
    : 'receipt and consent ids: UUID v7, time-ordered (--ids random: random version-4 UUIDs)',
);
console.log(
  `load average (1 min) before: ${loadBefore}, after: ${loadavg()[0].toFixed(1)}; wrk runs on the same cores`,
);
console.table(rows);
printAccounts();

const find = (prefix) => rows.find((r) => r.system.startsWith(prefix));
const verdict = (ok) => (ok ? 'met' : 'NOT met');
const sqlite = find('collector, SQLite (WAL, synchronous=NORMAL)');
if (sqlite) {
  console.log(
    `SQLite >= ${TARGETS.sqlite}x bare with p99 < ${TARGETS.sqliteP99Ms} ms: ${sqlite['x bare']}x, ` +
      `p99 ${sqlite['p99 ms']} ms: ${verdict(sqlite['x bare'] >= TARGETS.sqlite && sqlite['p99 ms'] < TARGETS.sqliteP99Ms)}`,
  );
}
const one = find('collector, PostgreSQL');
const two = find('collectors, PostgreSQL');
if (one && two) {
  console.log(
    `PostgreSQL one collector >= ${TARGETS.pgOne}x bare: ${one['x bare']}x: ${verdict(one['x bare'] >= TARGETS.pgOne)}`,
  );
  const scale = two['receipts/s'] / one['receipts/s'];
  console.log(
    `PostgreSQL two collectors >= ${TARGETS.pgTwoOverOne}x one: ${scale.toFixed(2)}x: ${verdict(scale >= TARGETS.pgTwoOverOne)}`,
  );
}
const broken = rows.filter((r) => r['lost 202s'] > 0 || (r.log && r.log.startsWith('BROKEN')));
console.log(
  broken.length
    ? `CHECK FAILED: ${broken.map((r) => r.system).join('; ')}`
    : 'every 202 stored, every log intact',
);
process.exitCode = broken.length ? 1 : 0;

/** The CPU tables: µs of CPU per 202 by process and thread, then the same as cores busy. */
function printAccounts() {
  const order = [
    ...['main', 'writer', 'checkpointer', 'sequencer', 'node other'],
    ...['pg backends', 'pg sequencer', 'pg server'],
    ...['wrk', 'bench', 'rest'],
  ];
  const measured = rows.filter((r) => accounts.get(r)?.cpu);
  const present = new Set(measured.flatMap((r) => Object.keys(accounts.get(r).cpu.groups)));
  const columns = [
    ...order.filter((g) => present.has(g)),
    ...[...present].filter((g) => !order.includes(g)),
  ];
  const table = (value) =>
    measured.map((r) => {
      const { cpu, accepted } = accounts.get(r);
      const line = { system: r.system, 'idle %': Math.round(cpu.idleShare * 100) };
      for (const group of columns) line[group] = value(cpu.groups[group] ?? 0, cpu, accepted);
      line.all = value(
        Object.values(cpu.groups).reduce((a, b) => a + b, 0),
        cpu,
        accepted,
      );
      return line;
    });
  console.log(
    `\nCPU during each measured run (/proc, utime + stime; 10 ms ticks): main = the server's main thread ` +
      `(with two collectors, both summed), writer/checkpointer/sequencer = the collector's threads, ` +
      `node other = V8's and libuv's threads, pg backends = the connections to the bench's database (pg sequencer: the sequencers' own), ` +
      `pg server = PostgreSQL's WAL writer, checkpointer, background writer and autovacuum (shared with ` +
      `the cluster's other databases), bench = run.mjs, rest = everything else the cores ran (other work, ` +
      `the kernel's threads); idle % = the machine's idle share of ${cpus().length} cores.`,
  );
  console.log('µs of CPU per 202:');
  console.table(table((us, _cpu, accepted) => Number((us / Math.max(1, accepted)).toFixed(1))));
  console.log(`cores busy (of ${cpus().length}):`);
  console.table(table((us, cpu) => Number((us / cpu.wallUs).toFixed(2))));
  // Other work on the cores during a row takes them from the servers: that row's ratio says little.
  const shared = measured.filter((r) => {
    const { cpu } = accounts.get(r);
    return cpu.groups.rest / cpu.wallUs > OTHER_WORK_CORES;
  });
  if (shared.length) {
    console.log(
      `WARNING: other work used more than ${OTHER_WORK_CORES} of a core (rest) during: ` +
        `${shared.map((r) => r.system).join('; ')}; the ratios of this run are not comparable`,
    );
  }
}
