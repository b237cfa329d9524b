// `garde-collector verify`: checks the transparency log read-only, on one consistent snapshot of the
// database (a live collector goes on undisturbed), and, given an earlier checkpoint, that the log extends it.
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadLogKey, openCheckpoint, type TreeHead } from './log/checkpoint.js';
import { logFiles } from './log/setup.js';
import type { LogSnapshot } from './log/types.js';
import { verifyLog } from './log/verify-log.js';
import type { Options } from './options.js';
import { postgresLogSnapshot } from './storage/log-postgres.js';
import { sqliteLogSnapshot } from './storage/log-sqlite.js';
import { describeStorage } from './storage/open.js';

/** A reason verify cannot run at all (exit 2), as opposed to a log found broken (exit 1). */
export class VerifyError extends Error {}

/** Opens the configured database read-only, in one snapshot; never creates or migrates anything. */
export async function openLogSnapshot(
  options: Pick<Options, 'databaseUrl' | 'db'>,
): Promise<LogSnapshot> {
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ log: string | null }>(
      "SELECT to_regclass('log_head')::text AS log",
    );
    if (!rows[0]?.log) {
      await client.end();
      throw new VerifyError('the database has no log (start the collector once to upgrade it)');
    }
    return postgresLogSnapshot(client);
  }
  if (options.db === ':memory:' || !existsSync(options.db)) {
    throw new VerifyError(`no database at ${options.db}`);
  }
  const db = new Database(options.db, { readonly: true, fileMustExist: true });
  const log = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_head'");
  if (!log.get()) {
    db.close();
    throw new VerifyError('the database has no log (start the collector once to upgrade it)');
  }
  return sqliteLogSnapshot(db);
}

/** Reads and checks the signature of a checkpoint file with the log's key (or its public half). */
export function readCheckpoint(
  file: string,
  options: Pick<Options, 'logKey' | 'databaseUrl' | 'db' | 'logOrigin'>,
): TreeHead {
  if (!existsSync(file)) throw new VerifyError(`no checkpoint at ${file}`);
  const { keyFile } = logFiles({ ...options, checkpointDir: null });
  if (!keyFile) throw new VerifyError('--log-key is needed to check a checkpoint');
  const candidates = [keyFile, `${keyFile}.pub`];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new VerifyError(`no log key at ${keyFile}`);
  let head: TreeHead;
  try {
    head = openCheckpoint(readFileSync(file, 'utf8'), loadLogKey(found).publicKey);
  } catch (error) {
    throw new VerifyError(`the checkpoint ${file} cannot be trusted: ${(error as Error).message}`);
  }
  // One key may sign several logs: a checkpoint of another says nothing of this one.
  if (head.origin !== options.logOrigin) {
    throw new VerifyError(
      `the checkpoint ${file} is of the log "${head.origin}", not "${options.logOrigin}" (--log-origin)`,
    );
  }
  return head;
}

/** Verifies and reports; resolves with the exit code (0 intact, 1 broken). */
export async function runVerify(
  options: Pick<Options, 'databaseUrl' | 'db' | 'logKey' | 'checkpoint' | 'logOrigin'>,
  write: (line: string) => void,
  progress: (line: string) => void = () => {},
): Promise<number> {
  const checkpoint = options.checkpoint ? readCheckpoint(options.checkpoint, options) : null;
  const snapshot = await openLogSnapshot(options);
  const where = describeStorage(options);
  let verdict;
  try {
    verdict = await verifyLog(snapshot, checkpoint, (leaves) =>
      progress(`verify: ${leaves} leaves checked\n`),
    );
  } finally {
    await snapshot.close();
  }
  const counts = `${verdict.size} leaves (${verdict.records} records, ${verdict.erasures} erasures)`;
  if (!verdict.problems.length) {
    const extends_ = checkpoint
      ? `; extends the checkpoint of ${checkpoint.time} (${checkpoint.size} leaves)`
      : '';
    write(`log intact: ${counts} in ${where}, root ${verdict.root}${extends_}\n`);
    write(
      `snapshots: ${verdict.snapshots} in the archive, each matching its hash and its leaf (${verdict.snapshotLeaves} snapshot leaves)\n`,
    );
    return 0;
  }
  write(`log broken: ${counts} in ${where}\n`);
  for (const problem of verdict.problems) write(`  ${problem}\n`);
  return 1;
}
