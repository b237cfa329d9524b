// The PostgreSQL sequencer's thread: rounds on a connection of its own, and back on the main pool once
// the thread is gone. Real PostgreSQL (GARDE_TEST_PG_URL), a schema of its own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openPostgres } from '../../src/storage/postgres.js';
import { sequencerThread } from '../../src/storage/postgres-sequencer-thread.js';
import type { Storage } from '../../src/storage/types.js';
import { PG_SKIP, PG_URL, stored } from '../helpers.js';

describe('PostgreSQL sequencer thread', { skip: PG_SKIP }, () => {
  const schema = `garde_sequencer_${process.pid}`;
  const name = `garde-test-sequencer-${process.pid}`;
  const connection = { connectionString: PG_URL!, options: `-c search_path=${schema}` };
  let storage: Storage;
  let pool: pg.Pool;

  const threadConnections = async (): Promise<number> => {
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1',
      [name],
    );
    return Number(rows[0]!.n);
  };
  // A backend leaves pg_stat_activity a moment after its client disconnected: wait for it (up to 10 s).
  const noThreadConnection = async (): Promise<number> => {
    for (let tries = 0; tries < 500 && (await threadConnections()) > 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return threadConnections();
  };
  const storeReceipts = (count: number, second: number) =>
    storage.insertRecords(
      Array.from({ length: count }, (_, i) =>
        stored(
          `2026-12-05T01:00:${String(second).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`,
          {
            receiptId: crypto.randomUUID(),
          },
        ),
      ),
    );

  before(async () => {
    // The storage creates the schema and its tables; its own log is not used here.
    storage = await openPostgres({ connectionString: PG_URL!, schema });
    pool = new pg.Pool(connection);
  });
  after(async () => {
    await storage.close();
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    await pool.end();
  });

  it('puts the records waiting into the tree on a connection of its own', async () => {
    const thread = sequencerThread({ ...connection, application_name: name }, pool);
    try {
      await storeReceipts(3, 1);
      const head = await thread.sequence();
      assert.equal(head?.size, 3);
      assert.equal(await threadConnections(), 1);
      assert.deepEqual(await storage.log.head(), head);
    } finally {
      await thread.close();
    }
    assert.equal(await noThreadConnection(), 0, 'closing ends the thread and its connection');
  });

  it('runs the rounds on the main pool once the thread is gone', async () => {
    const thread = sequencerThread({ ...connection, application_name: name }, pool);
    await thread.sequence();
    await thread.close();
    await storeReceipts(2, 2);
    const before = (await storage.log.head()).size;
    const head = await thread.sequence();
    assert.equal(head?.size, before + 2);
    assert.equal(await noThreadConnection(), 0);
  });
});
