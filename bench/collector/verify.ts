// Time of `verify` on a large log: N records stored through the collector's own storage API (its SQLite
// writer thread, 5,000 a batch) and sequenced in a SQLite file, then `verify` as the CLI runs it (read-only
// walk: leaves, leaf hashes recomputed from the rows, tree rebuilt, head). Run:
//   node --conditions=garde-source --import tsx bench/collector/verify.ts [N=1000000]
// The target: 1,000,000 records in under 30 s. Printed: wall time, and the CPU time of this process
// during verify, which other work on the machine does not inflate (verify runs on one thread); note the
// load average next to them.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOptions } from '../../collector/src/options.js';
import { openSqlite } from '../../collector/src/storage/sqlite.js';
import { runVerify } from '../../collector/src/verify.js';

const count = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'garde-verify-bench-'));
const db = join(dir, 'bench.sqlite');
const storage = await openSqlite(db);
const started = performance.now();
for (let at = 0; at < count; at += 5000) {
  const batch = Array.from({ length: Math.min(5000, count - at) }, (_, i) => ({
    // Lower-case UUIDs, as the collector accepts them.
    receiptId: `00000000-0000-4000-8000-${String(at + i).padStart(12, '0')}`,
    id: `0b6c3f3e-5d1e-4c7a-9a57-${String(at + i).padStart(12, '0')}`,
    ts: '2026-11-01T10:00:00.000Z',
    receivedAt: '2026-11-01T10:00:00.000Z',
    version: '2026-01',
    categories: { necessary: true, analytics: (at + i) % 2 === 0, marketing: false },
    services: { matomo: (at + i) % 2 === 0 },
    method: 'custom' as const,
    lang: 'fr',
    path: '/fr/',
    origin: 'https://www.inami.fgov.be',
    clockSkew: false,
    shown: null,
    layer: null,
    v: null,
  }));
  await storage.insertRecords(batch);
}
await storage.log.sequence();
await storage.close();
const stored = performance.now();
const cpuBefore = process.cpuUsage();
let out = '';
const code = await runVerify(
  { ...parseOptions(['--db', db], {}), checkpoint: null },
  (line) => (out += line),
);
const verified = performance.now();
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  `${count} records: stored and sequenced in ${((stored - started) / 1000).toFixed(1)} s; ` +
    `verify ${((verified - stored) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU ` +
    `(exit ${code}); load average ${loadavg()[0]!.toFixed(1)}\n${out}`,
);
rmSync(dir, { recursive: true, force: true });
