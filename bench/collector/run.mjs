// Ingest benchmark of the collector: receipts per second and p50/p99 latency of POST /consent, on SQLite
// and on PostgreSQL, with autocannon on this machine. Every receipt is unique (a real insert), and the
// count stored afterwards is checked against the count acknowledged. Every receipt is hashed into the
// records chain, and `garde-collector verify` checks the chain after each run.
//   node bench/collector/run.mjs [--duration 15] [--connections 50]
// PostgreSQL row: set GARDE_BENCH_PG_URL or GARDE_TEST_PG_URL (postgres://…); skipped otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg('duration', 15);
const CONNECTIONS = arg('connections', 50);
const TOKEN = randomUUID();
const PG_URL = process.env.GARDE_BENCH_PG_URL || process.env.GARDE_TEST_PG_URL || null;

function startCollector(args, env = {}) {
  const child = spawn(
    process.execPath,
    // Level info: accepted requests log at debug, so the run measures ingest, not logging.
    [
      'collector/bin/garde-collector.js',
      '--port',
      '0',
      '--rate-limit',
      '0',
      '--log-level',
      'info',
      ...args,
    ],
    {
      cwd: root,
      env: { ...process.env, ...env, GARDE_ADMIN_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exit = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    // Port 0: the OS picks a free port, read back from the "listening on" line.
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/[^"\s]+)/.exec(out);
      if (match) resolve({ child, url: match[1], exit });
    });
    child.once('exit', (code) => reject(new Error(`collector exited (${code}): ${out}`)));
  });
}

function receiptBody() {
  return JSON.stringify({
    receiptId: randomUUID(),
    id: randomUUID(),
    ts: new Date().toISOString(),
    version: '2026-01',
    categories: { necessary: true, analytics: Math.random() < 0.5, marketing: false },
    services: { matomo: true, youtube: false },
    method: 'custom',
    lang: 'fr',
    path: '/fr/index.html',
  });
}

// Bodies are made before each run so the load generator, which shares the two cores, spends its time
// sending; enough for 20,000 receipts/s, and never one twice (a repeat would be an idempotent no-op).
let bodies = [];
let sent = 0;
const nextBody = () => {
  if (sent >= bodies.length) throw new Error('bench: more receipts sent than prepared');
  return bodies[sent++];
};

async function bench(name, args, env) {
  bodies = Array.from({ length: (DURATION + 2) * 20_000 }, receiptBody);
  sent = 0;
  const { child, url, exit } = await startCollector(args, env);
  const run = (duration) =>
    autocannon({
      url: `${url}/consent`,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          setupRequest: (req) => ({ ...req, body: nextBody() }),
        },
      ],
    });
  await run(2); // warm-up: JIT, page cache, connection pool
  const before = await total(url);
  const result = await run(DURATION);
  const stored = (await total(url)) - before;
  child.kill('SIGTERM');
  await exit;
  // Every receipt above is a leaf of the transparency log once the collector stopped; check it as an owner would.
  const verify = spawnSync(
    process.execPath,
    ['collector/bin/garde-collector.js', 'verify', ...args],
    {
      cwd: root,
      env: { ...process.env, ...env, GARDE_ADMIN_TOKEN: '' },
      encoding: 'utf8',
    },
  );
  return {
    storage: name,
    'receipts/s': Math.round(result['2xx'] / (result.duration || DURATION)),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    acknowledged: result['2xx'],
    stored,
    'errors+non-2xx': result.errors + result.non2xx + result.timeouts,
    log: verify.status === 0 ? 'intact' : `BROKEN: ${verify.stdout}${verify.stderr}`.trim(),
  };
}

async function total(url) {
  const res = await fetch(`${url}/api/records?pageSize=1`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return (await res.json()).total;
}

// Other work on the machine takes cores from both the collector and autocannon: say how busy it was.
const loadBefore = loadavg()[0].toFixed(1);
const rows = [];
const tmp = mkdtempSync(join(tmpdir(), 'garde-bench-'));
try {
  rows.push(await bench('SQLite (WAL, synchronous=NORMAL)', ['--db', join(tmp, 'bench.sqlite')]));
  rows.push(
    await bench('SQLite (WAL, synchronous=FULL)', [
      '--db',
      join(tmp, 'bench-full.sqlite'),
      '--sqlite-sync',
      'full',
    ]),
  );
  if (PG_URL) {
    const schema = `garde_bench_${process.pid}`;
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    try {
      rows.push(await bench('PostgreSQL (pg Pool)', [], { DATABASE_URL: url.toString() }));
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else {
    console.log(
      'PostgreSQL: skipped (set GARDE_BENCH_PG_URL or GARDE_TEST_PG_URL to postgres://…)',
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log(
  `\nPOST /consent, ${CONNECTIONS} connections, ${DURATION} s, ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, Node ${process.version}`,
);
console.log(
  `load average (1 min) before: ${loadBefore}, after: ${loadavg()[0].toFixed(1)}; autocannon runs on the same cores`,
);
console.table(rows);
const sqlite = rows[0];
console.log(
  `goal (SQLite): >= 10,000 receipts/s with p99 < 20 ms: ${sqlite['receipts/s'] >= 10_000 && sqlite['p99 ms'] < 20 ? 'met' : 'NOT met'}`,
);
