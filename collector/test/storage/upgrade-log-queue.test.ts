// A PostgreSQL database of schema 12 (each record's leaf index in consent_records) opened by today's
// collector: schema 13 links every leaf to its record (log_leaves.receipt_id), queues the rows still
// waiting, and drops the column; the log extends the checkpoint signed before, its proofs still find
// each record's leaf, and an erasure works on it; the row it queued (without the leaf hash a collector of
// schema 14 queues) is read back and hashed by the sequencer. SQLite's schema 13 changes nothing.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger } from '../../src/logger.js';
import { startSequencer } from '../../src/log/sequencer.js';
import { parseOptions } from '../../src/options.js';
import { POSTGRES_MIGRATIONS } from '../../src/storage/migrations/postgres.js';
import { openPostgres } from '../../src/storage/postgres.js';
import { runVerify } from '../../src/verify.js';
import { PG_SKIP, PG_URL, stored, tempDir } from '../helpers.js';
import { readdirSync } from 'node:fs';

const logger = createLogger('silent') as FastifyBaseLogger;

// What schema 12 looked like, rebuilt from today's database: the leaf index back in the row, and
// neither the queue (13, 14) nor the erasures' leaf index (15).
const BACK_TO_12 = `
  ALTER TABLE erasures DROP COLUMN leaf_index;
  ALTER TABLE consent_records ADD COLUMN leaf_index bigint;
  UPDATE consent_records r SET leaf_index = l.leaf_index FROM log_leaves l
    WHERE l.receipt_id = r.receipt_id;
  CREATE UNIQUE INDEX consent_records_by_leaf ON consent_records (leaf_index);
  CREATE INDEX consent_records_unlogged ON consent_records (received_at, receipt_id)
    WHERE leaf_index IS NULL;
  DROP INDEX log_leaves_by_receipt;
  ALTER TABLE log_leaves DROP COLUMN receipt_id;
  DROP TABLE log_queue;
  DELETE FROM garde_schema WHERE version >= 13;
`;

// A receipt a schema-12 collector stored and had not yet put into the tree: no leaf index, no salt.
const WAITING = '00000009-0000-4000-8000-000000000009';
const INSERT_WAITING = `INSERT INTO consent_records (receipt_id, consent_id, ts, received_at, version,
  categories, services, method, lang, path) VALUES ('${WAITING}', 'visitor-a',
  '2026-06-09T10:00:00.000Z', '2026-06-09T10:00:00.000Z', '2026-01', '{"necessary":true}', '{}',
  'accept-all', 'fr', '/fr/')`;

describe('a schema-12 PostgreSQL database upgraded to schema 13', { skip: PG_SKIP }, () => {
  const tmp = tempDir();
  const schema = `garde_log_queue_${process.pid}`;
  const url = new URL(PG_URL ?? 'postgres://localhost/none');
  url.searchParams.set('options', `-c search_path=${schema}`);
  const options = parseOptions(
    [
      ...['--database-url', url.toString()],
      ...['--log-key', join(tmp.dir, 'garde-log.key')],
      ...['--checkpoint-dir', join(tmp.dir, 'checkpoints')],
    ],
    {},
  );
  const client = new pg.Client({ connectionString: url.toString() });
  const verify = async (checkpoint: string) => {
    let out = '';
    const code = await runVerify({ ...options, checkpoint }, (line) => (out += line));
    return { code, out };
  };
  after(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await client.end();
    tmp.remove();
  });

  it('links each leaf to its record, queues the rows waiting, and keeps the log verifiable', async () => {
    await client.connect();
    let storage = await openPostgres({ connectionString: PG_URL!, schema });
    const a = Array.from({ length: 4 }, (_, i) =>
      stored(`2026-06-0${i + 1}T10:00:00.000Z`, { id: 'visitor-a' }),
    );
    const b = [5, 6].map((day) => stored(`2026-06-0${day}T10:00:00.000Z`, { id: 'visitor-b' }));
    await storage.insertRecords([...a, ...b]);
    await startSequencer(storage.log, options, logger, () => new Date())();
    assert.equal(
      await storage.eraseVisitor('visitor-b', { at: '2026-06-07T00:00:00.000Z', actor: 'dpo' }),
      2,
    );
    await startSequencer(storage.log, options, logger, () => new Date())();
    await storage.close();
    const checkpoints = readdirSync(join(tmp.dir, 'checkpoints')).sort();
    const signed = join(tmp.dir, 'checkpoints', checkpoints[checkpoints.length - 1]!);

    await client.query(BACK_TO_12);
    await client.query(INSERT_WAITING);
    const byRow = await client.query<{ receipt_id: string; leaf_index: string | null }>(
      'SELECT receipt_id, leaf_index FROM consent_records ORDER BY received_at',
    );
    assert.deepEqual(
      byRow.rows.map((row) => row.leaf_index),
      ['0', '1', '2', '3', '4', '5', null],
    );

    storage = await openPostgres({ connectionString: PG_URL!, schema });
    try {
      const version = await client.query('SELECT max(version)::int AS v FROM garde_schema');
      assert.equal(version.rows[0].v, POSTGRES_MIGRATIONS.length);
      // Queued by schema 13's step, without the leaf hash a collector computes at insert (schema 14):
      // the sequencer reads that row back and hashes it.
      const queued = await client.query('SELECT receipt_id, leaf_hash FROM log_queue');
      assert.deepEqual(queued.rows, [{ receipt_id: WAITING, leaf_hash: null }]);
      const leaves = await storage.log.recordLeaves(a.map((record) => record.receiptId));
      assert.deepEqual(
        a.map((record) => leaves.get(record.receiptId)?.leafIndex),
        [0, 1, 2, 3],
      );
      const before = await verify(signed);
      assert.equal(before.code, 0, before.out);
      assert.match(before.out, /^log intact: 7 leaves \(6 records, 1 erasures\)/m);

      await startSequencer(storage.log, options, logger, () => new Date())();
      const waiting = await storage.log.recordLeaves([WAITING]);
      assert.equal(waiting.get(WAITING)?.leafIndex, 7);
      assert.equal(
        await storage.eraseVisitor('visitor-a', { at: '2026-06-10T00:00:00.000Z', actor: 'dpo' }),
        5,
      );
      await startSequencer(storage.log, options, logger, () => new Date())();
      const erased = await verify(signed);
      assert.equal(erased.code, 0, erased.out);
      assert.match(erased.out, /^log intact: 9 leaves \(7 records, 2 erasures\)/m);
      assert.equal((await storage.log.recordLeaves([WAITING])).size, 0);
    } finally {
      await storage.close();
    }
  });
});
