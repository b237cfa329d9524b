// PostgreSQL through a pg Pool, for sites that outgrow one machine: same tables, same answers as SQLite;
// its stores (records, analytics, snapshots, log) composed over one pool.
import pg from 'pg';
import { postgresLog } from './log-postgres.js';
import { POSTGRES_DATA_STEPS, POSTGRES_MIGRATIONS } from './migrations/postgres.js';
import { postgresAnalytics } from './postgres-analytics.js';
import { postgresRecords } from './postgres-records.js';
import { sequencerThread } from './postgres-sequencer-thread.js';
import { postgresSnapshots } from './snapshots-postgres.js';
import type { Storage } from './types.js';

// Any constant key works; it only serialises migrations when several collectors start together.
const MIGRATION_LOCK = 7_164_201;

export interface PostgresOptions {
  connectionString: string;
  /** A schema to work in (the tests use one per run); default: the role's search_path. */
  schema?: string;
  max?: number;
}

/** Connects, migrates and returns the PostgreSQL storage. */
export async function openPostgres(options: PostgresOptions): Promise<Storage> {
  const connection: pg.PoolConfig = {
    connectionString: options.connectionString,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const pool = new pg.Pool({ ...connection, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the collector; the next query reconnects.
  pool.on('error', () => {});
  const sequencer = sequencerThread(connection, pool);
  const log = postgresLog(pool, sequencer.sequence);
  try {
    await migrate(pool, options.schema);
    await checkWritable(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    ...postgresRecords(pool),
    ...postgresAnalytics(pool),
    ...postgresSnapshots(pool),
    log,
    async close() {
      // Whatever this collector stored goes into the tree (unless another collector is sequencing).
      await log.sequence().catch(() => null);
      await sequencer.close();
      await pool.end();
    },
  };
}

// At start, not at the first receipt: a role or server that cannot write stops the collector clearly.
async function checkWritable(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO garde_schema (version) VALUES (0)');
  } catch (error) {
    throw new Error(`the database is not writable (${(error as Error).message})`);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    await client.query('CREATE TABLE IF NOT EXISTS garde_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM garde_schema',
    );
    const current = rows[0]?.version ?? 0;
    for (const [i, sql] of POSTGRES_MIGRATIONS.slice(current).entries()) {
      const version = current + i + 1;
      await client.query(sql);
      await POSTGRES_DATA_STEPS[version]?.(client);
      await client.query('INSERT INTO garde_schema (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
