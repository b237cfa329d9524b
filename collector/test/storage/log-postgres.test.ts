// The PostgreSQL log's sequencer lock: one per schema, so that the collectors of sites sharing one
// database (a schema each) never skip each other's rounds. Real PostgreSQL (GARDE_TEST_PG_URL).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openPostgres } from '../../src/storage/postgres.js';
import { lockSequencer, sequenceRound } from '../../src/storage/log-postgres.js';
import type { Storage } from '../../src/storage/types.js';
import { PG_SKIP, PG_URL, stored } from '../helpers.js';

describe('PostgreSQL log: the sequencer lock', { skip: PG_SKIP }, () => {
  const schemas = [`garde_lock_a_${process.pid}`, `garde_lock_b_${process.pid}`];
  const storages: Storage[] = [];
  const pools: pg.Pool[] = [];

  before(async () => {
    for (const schema of schemas) {
      storages.push(await openPostgres({ connectionString: PG_URL!, schema }));
      pools.push(new pg.Pool({ connectionString: PG_URL!, options: `-c search_path=${schema}` }));
    }
  });
  after(async () => {
    for (const storage of storages) await storage.close();
    for (const schema of schemas) await pools[0]!.query(`DROP SCHEMA ${schema} CASCADE`);
    for (const pool of pools) await pool.end();
  });

  it("a site's round is not skipped while another site's sequencer holds its lock", async () => {
    const [a, b] = pools as [pg.Pool, pg.Pool];
    for (const storage of storages)
      await storage.insertRecords([
        stored('2026-12-05T10:00:00.000Z', { receiptId: crypto.randomUUID() }),
      ]);
    const holder = await a.connect();
    try {
      await holder.query('BEGIN');
      await lockSequencer(holder);
      // The other site's records go into its tree...
      assert.equal((await sequenceRound(b))?.size, 1);
      // ...while another collector of the same site waits for its turn.
      assert.equal(await sequenceRound(a), null);
      await holder.query('ROLLBACK');
    } finally {
      holder.release();
    }
    assert.equal((await sequenceRound(a))?.size, 1);
  });
});
