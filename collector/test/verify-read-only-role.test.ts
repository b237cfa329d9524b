// `garde-collector verify` as a PostgreSQL role that may only read (CONNECT, schema USAGE, SELECT), as an
// auditor or the DPO runs it: it finds an intact log intact, finds an edit made since a checkpoint, and
// writes nothing. The collector's own role cannot make such a role (no CREATEROLE); .ci/run makes it as the
// postgres superuser and sets GARDE_TEST_PG_READER_URL (see docs/collector.md, "A read-only role").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger } from '../src/logger.js';
import { startSequencer } from '../src/log/sequencer.js';
import { parseOptions } from '../src/options.js';
import { openPostgres } from '../src/storage/postgres.js';
import type { Storage } from '../src/storage/types.js';
import { runVerify } from '../src/verify.js';
import { PG_URL, stored, tempDir } from './helpers.js';

const READER_URL = process.env.GARDE_TEST_PG_READER_URL || null;
const SKIP =
  !PG_URL || !READER_URL
    ? 'GARDE_TEST_PG_URL and GARDE_TEST_PG_READER_URL (a role with only SELECT) are not both set: skipped (.ci/run sets them)'
    : false;

/** The URL with the test's schema as search path. */
function inSchema(url: string, schema: string): string {
  const withPath = new URL(url);
  withPath.searchParams.set('options', `-c search_path=${schema}`);
  return withPath.toString();
}

describe('verify as a read-only PostgreSQL role', { skip: SKIP }, () => {
  const schema = `garde_reader_${process.pid}`;
  const tmp = tempDir();
  const keyFile = join(tmp.dir, 'garde-log.key');
  const checkpointDir = join(tmp.dir, 'checkpoints');
  let storage: Storage;
  let owner: pg.Client;
  let receiptIds: string[];

  const verifyAsReader = async (checkpoint: string | null) => {
    const options = parseOptions(
      ['--database-url', inSchema(READER_URL!, schema), '--log-key', keyFile],
      {},
    );
    let out = '';
    const code = await runVerify({ ...options, checkpoint }, (line) => (out += line));
    return { code, out };
  };

  /** Every row of every table of the schema, as text: what the reader must leave as it found it. */
  const dump = async () => {
    const { rows } = await owner.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
      [schema],
    );
    const tables: unknown[] = [];
    for (const { table_name: name } of rows) {
      const content = await owner.query(
        `SELECT t::text AS row FROM "${schema}"."${name}" t ORDER BY 1`,
      );
      tables.push([name, content.rows]);
    }
    return JSON.stringify(tables);
  };

  const checkpoints = () =>
    readdirSync(checkpointDir)
      .sort()
      .map((name) => join(checkpointDir, name));

  before(async () => {
    // Made by the collector's role, so the reader gets USAGE and SELECT by the default privileges.
    storage = await openPostgres({ connectionString: PG_URL!, schema });
    const records = Array.from({ length: 5 }, (_, i) =>
      stored(`2026-06-0${i + 1}T10:00:00.000Z`, { id: 'visitor-r' }),
    );
    receiptIds = records.map((record) => record.receiptId);
    await storage.insertRecords(records);
    const options = parseOptions(
      [
        '--database-url',
        inSchema(PG_URL!, schema),
        '--log-key',
        keyFile,
        '--checkpoint-dir',
        checkpointDir,
      ],
      {},
    );
    const stop = startSequencer(
      storage.log,
      options,
      createLogger('silent') as FastifyBaseLogger,
      () => new Date(),
    );
    await stop();
    await storage.close();
    owner = new pg.Client({ connectionString: PG_URL! });
    await owner.connect();
  });

  after(async () => {
    await owner?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await owner?.end();
    tmp.remove();
  });

  it('runs as a role that can read the log and cannot write to it', async () => {
    const reader = new pg.Client({ connectionString: inSchema(READER_URL!, schema) });
    await reader.connect();
    try {
      const { rows } = await reader.query<{ rolsuper: boolean; owner: boolean }>(
        `SELECT rolsuper, pg_has_role(current_user, 'garde', 'MEMBER') AS owner
         FROM pg_roles WHERE rolname = current_user`,
      );
      assert.deepEqual(rows[0], { rolsuper: false, owner: false });
      assert.equal((await reader.query('SELECT count(*)::int AS n FROM log_leaves')).rows[0].n, 5);
      await assert.rejects(
        reader.query('UPDATE log_head SET size = 0'),
        /permission denied/,
        'the reader role may write: the test would not show that verify needs only SELECT',
      );
    } finally {
      await reader.end();
    }
  });

  it('finds an intact log intact, from its checkpoint, and writes nothing', async () => {
    const [checkpoint] = checkpoints();
    const before = await dump();
    const result = await verifyAsReader(checkpoint!);
    assert.equal(result.code, 0, result.out);
    assert.match(
      result.out,
      /^log intact: 5 leaves \(5 records, 0 erasures\) .*extends the checkpoint/m,
    );
    assert.equal(await dump(), before);
  });

  it('finds a record edited since the checkpoint, and writes nothing', async () => {
    const [checkpoint] = checkpoints();
    await owner.query(
      `UPDATE "${schema}".consent_records SET method = 'reject' WHERE receipt_id = $1`,
      [receiptIds[2]],
    );
    const before = await dump();
    const result = await verifyAsReader(checkpoint!);
    assert.equal(result.code, 1, result.out);
    assert.match(
      result.out,
      new RegExp(`leaf 2 \\(receipt ${receiptIds[2]}\\): its content does not match`),
    );
    assert.equal(await dump(), before);
  });
});
