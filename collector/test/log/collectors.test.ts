// Two and three collectors on one PostgreSQL database under load, one killed with kill -9: every receipt
// that got a 202 is a leaf of the one shared log, and the log verifies against a checkpoint taken before.
// Two storages on one database storing, registering and erasing snapshots while both sequence: each change
// of the archive is one leaf of the shared log, and it verifies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parseOptions } from '../../src/options.js';
import { openPostgres } from '../../src/storage/postgres.js';
import type { StoredSnapshot } from '../../src/storage/types.js';
import { runVerify } from '../../src/verify.js';
import { canonicalJson, sha256Hex } from 'garde/wire';
import { PG_SKIP, PG_URL, TOKEN, receipt, stored, tempDir } from '../helpers.js';

const BIN = fileURLToPath(new URL('../../bin/garde-collector.js', import.meta.url));

function start(
  args: string[],
): Promise<{ child: ChildProcess; url: string; exit: Promise<unknown> }> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--rate-limit', '0', ...args], {
    env: { ...process.env, GARDE_ADMIN_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /garde-collector listening on (http:\/\/[^"\s]+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, exit });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`collector exited with ${code}: ${out}`)));
  });
}

for (const count of [2, 3]) {
  describe(`${count} collectors on one PostgreSQL database`, { skip: PG_SKIP }, () => {
    it(
      'share one log; after one is killed with kill -9, every acknowledged receipt is a leaf and the log verifies',
      { timeout: 600_000 },
      async (t) => {
        const tmp = tempDir();
        const schema = `garde_collectors_${process.pid}_${count}`;
        const admin = new pg.Client({ connectionString: PG_URL! });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        const url = new URL(PG_URL!);
        url.searchParams.set('options', `-c search_path=${schema}`);
        const keyFile = join(tmp.dir, 'garde-log.key');
        const checkpointDir = join(tmp.dir, 'checkpoints');
        const args = [
          '--database-url',
          url.toString(),
          '--log-key',
          keyFile,
          '--checkpoint-dir',
          checkpointDir,
        ];
        try {
          // The first one makes the key; the others read it.
          const collectors = [await start(args)];
          for (let i = 1; i < count; i++) collectors.push(await start(args));
          const receipts = Array.from({ length: 2000 }, () =>
            receipt({ id: 'shared-log-visitor' }),
          );
          const acked: string[] = [];
          let next = 0;
          let killed = false;
          let firstCheckpoint: string | null = null;
          const worker = async (w: number) => {
            while (next < receipts.length) {
              const r = receipts[next++]!;
              const target = collectors[(next + w) % count]!;
              try {
                const res = await fetch(`${target.url}/consent`, {
                  method: 'POST',
                  body: JSON.stringify(r),
                  headers: { 'content-type': 'text/plain;charset=UTF-8' },
                });
                if (res.status === 202) acked.push(r.receiptId);
              } catch {
                // Cut by the kill: not acknowledged.
              }
              if (!killed && acked.length >= 400) {
                // A checkpoint signed before the kill: the log must extend it afterwards.
                const files = existsSync(checkpointDir) ? readdirSync(checkpointDir).sort() : [];
                if (files.length) {
                  firstCheckpoint = join(checkpointDir, files[0]!);
                  killed = true;
                  collectors[0]!.child.kill('SIGKILL');
                }
              }
            }
          };
          await Promise.all(Array.from({ length: 24 }, (_, w) => worker(w)));
          await collectors[0]!.exit;
          assert.ok(killed, 'the first collector was killed under load');
          for (const collector of collectors.slice(1)) {
            collector.child.kill('SIGTERM');
            await collector.exit;
          }
          // The survivors' last rounds took over whatever the killed one left waiting.
          const { rows } = await admin.query<{ receipt_id: string }>(
            `SELECT receipt_id FROM ${schema}.log_leaves WHERE receipt_id IS NOT NULL`,
          );
          const logged = new Set(rows.map((row) => row.receipt_id));
          const missing = acked.filter((id) => !logged.has(id));
          t.diagnostic(`${acked.length} acknowledged, ${logged.size} leaves`);
          assert.deepEqual(missing, [], `${missing.length} acknowledged receipts not in the log`);
          let out = '';
          const code = await runVerify(
            {
              ...parseOptions(['--database-url', url.toString(), '--log-key', keyFile], {}),
              checkpoint: firstCheckpoint,
            },
            (line) => (out += line),
          );
          assert.equal(code, 0, out);
          assert.match(out, /^log intact: .* extends the checkpoint/m);
        } finally {
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
          tmp.remove();
        }
      },
    );
  });
}

describe('snapshots from two collectors on one PostgreSQL database', { skip: PG_SKIP }, () => {
  it('give one leaf per change of the archive, in one log that verifies', async () => {
    const schema = `garde_collectors_${process.pid}_snapshots`;
    const url = new URL(PG_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const [a, b] = [
      await openPostgres({ connectionString: PG_URL!, schema }),
      await openPostgres({ connectionString: PG_URL!, schema }),
    ];
    const admin = new pg.Client({ connectionString: PG_URL! });
    await admin.connect();
    try {
      const snapshots: StoredSnapshot[] = [];
      for (let i = 0; i < 6; i++) {
        const content = canonicalJson({
          lang: 'fr',
          policy: { version: '2026-01' },
          texts: { i },
          v: '0.1.0',
        });
        const hash = (await sha256Hex(content))!;
        const storedAt = '2026-06-01T10:00:00.000Z';
        snapshots.push({
          hash,
          lang: 'fr',
          v: '0.1.0',
          policyVersion: '2026-01',
          content,
          storedAt,
        });
      }
      const at = '2026-06-02T10:00:00.000Z';
      // Both store every snapshot, register the even ones and take receipts, while both sequence.
      const work = (storage: typeof a) =>
        Promise.all([
          ...snapshots.map((snapshot) => storage.insertSnapshot(snapshot)),
          ...snapshots.filter((_, i) => i % 2 === 0).map((s) => storage.publishSnapshot(s, at)),
          storage.insertRecords(
            Array.from({ length: 50 }, () => stored('2026-06-01T10:00:00.000Z', { id: 'v' })),
          ),
          storage.log.sequence(),
          storage.log.sequence(),
        ]);
      const [outcomesA, outcomesB] = await Promise.all([work(a), work(b)]);
      // Each snapshot stored once, by one of the 6 stores and 3 registrations of either collector.
      const outcomes = [...outcomesA.slice(0, 9), ...outcomesB.slice(0, 9)];
      assert.equal(outcomes.filter((outcome) => outcome === 'stored').length, 6);
      // The odd ones no receipt names: erased by both at once, one leaf naming them.
      const dropped = await Promise.all([a.dropOrphanSnapshots(at), b.dropOrphanSnapshots(at)]);
      assert.equal(dropped[0] + dropped[1], 3);
      await a.log.sequence();
      const { rows } = await admin.query<{ kind: string; n: string }>(
        `SELECT kind, count(*) AS n FROM ${schema}.log_leaves GROUP BY kind ORDER BY kind`,
      );
      const leaves = new Map(rows.map((row) => [row.kind, Number(row.n)]));
      assert.equal(leaves.get('record'), 100);
      assert.equal(leaves.get('snapshot-erasure'), 1);
      // 6 stored, and 3 registered: one leaf more each when the registration came after the store.
      const snapshotLeaves = leaves.get('snapshot')!;
      assert.ok(snapshotLeaves >= 6 && snapshotLeaves <= 9, `${snapshotLeaves} snapshot leaves`);
      let out = '';
      const code = await runVerify(
        { ...parseOptions(['--database-url', url.toString()], {}), checkpoint: null },
        (line) => (out += line),
      );
      assert.equal(code, 0, out);
      assert.match(
        out,
        new RegExp(
          `^snapshots: 3 in the archive, .*\\(${snapshotLeaves + 1} snapshot leaves\\)$`,
          'm',
        ),
      );
    } finally {
      await a.close();
      await b.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
