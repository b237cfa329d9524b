// The collector's side of the log: every SEQUENCE_INTERVAL_MS it puts the records waiting into the tree
// (when it holds the sequencer's lock) and signs each new tree head as a checkpoint, kept in the database,
// written to the directory of checkpoint files and POSTed to the witnesses.
import { generateKeyPairSync } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, opendirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Options } from '../options.js';
import { extendsCheckpoint, newestCheckpointFile } from './anchor.js';
import {
  loadLogKey,
  openCheckpoint,
  signCheckpoint,
  writeCheckpointFile,
  type LogKey,
} from './checkpoint.js';
import type { LogStore, StoredCheckpoint } from './types.js';
import { createWitnesses } from './witnesses.js';

/** The longest a stored record waits before it is a leaf of the tree (plus one round's work). */
export const SEQUENCE_INTERVAL_MS = 500;

/** Where the key and the checkpoint files are: as configured, else next to a SQLite file. */
export function logFiles(
  options: Pick<Options, 'logKey' | 'checkpointDir' | 'databaseUrl' | 'db'>,
): { keyFile: string | null; checkpointDir: string | null } {
  const beside = !options.databaseUrl && options.db !== ':memory:' ? dirname(options.db) : null;
  return {
    keyFile: options.logKey ?? (beside && join(beside, 'garde-log.key')),
    checkpointDir: options.checkpointDir ?? (beside && join(beside, 'checkpoints')),
  };
}

/** What keeps the collector from signing checkpoints, found before it opens its database. */
export class LogSetupError extends Error {}

/**
 * The key that signs checkpoints, as configured (made at the first start), or one that lives only as long
 * as this process when there is nowhere to keep it (null). Refuses a file it could never sign with, and a
 * private key that other users can read: whoever reads it can sign a rewritten log.
 */
export function openSigningKey(
  options: Pick<Options, 'logKey' | 'checkpointDir' | 'databaseUrl' | 'db'>,
): LogKey | null {
  const { keyFile, checkpointDir } = logFiles(options);
  if (!keyFile) return null;
  // A new key is made at the first start only: made later, it would sign checkpoints that no longer
  // match the public key the DPO and the witnesses hold.
  const signedBefore = existsSync(`${keyFile}.pub`)
    ? `${keyFile}.pub`
    : checkpointDir && holdsCheckpoints(checkpointDir)
      ? `the checkpoint directory ${checkpointDir}`
      : null;
  if (!existsSync(keyFile) && signedBefore) {
    throw new LogSetupError(
      `no log key at ${keyFile}, yet ${signedBefore} is there: restore the key that signed the log (a new one would not match the checkpoints given out), or move them away to start a new log key`,
    );
  }
  let key: LogKey;
  try {
    key = loadLogKey(keyFile, true);
  } catch (error) {
    const message = (error as Error).message;
    throw new LogSetupError(
      message.startsWith(keyFile)
        ? `the log key ${message}`
        : `the log key ${keyFile} cannot be read or made: ${message}`,
    );
  }
  if (!key.privateKey) {
    throw new LogSetupError(
      `the log key ${keyFile} holds no private key: give the private key (its public half is for checking)`,
    );
  }
  const mode = statSync(keyFile).mode & 0o777;
  if (mode & 0o077) {
    throw new LogSetupError(
      `the log key ${keyFile} can be read by other users (mode ${mode.toString(8)}): chmod 600 it`,
    );
  }
  return key;
}

function holdsCheckpoints(dir: string): boolean {
  if (!existsSync(dir)) return false;
  const listing = opendirSync(dir);
  try {
    for (let entry = listing.readSync(); entry; entry = listing.readSync()) {
      if (entry.name.endsWith('.checkpoint')) return true;
    }
    return false;
  } finally {
    listing.closeSync();
  }
}

/**
 * Makes the checkpoint directory if need be, and refuses one the collector cannot write: said at start,
 * not when the first checkpoint has nowhere to go.
 */
export function openCheckpointDir(
  options: Pick<Options, 'logKey' | 'checkpointDir' | 'databaseUrl' | 'db'>,
): void {
  const { checkpointDir } = logFiles(options);
  if (!checkpointDir) return;
  try {
    mkdirSync(checkpointDir, { recursive: true });
    accessSync(checkpointDir, constants.W_OK);
  } catch (error) {
    throw new LogSetupError(
      `the checkpoint directory ${checkpointDir} cannot be written: ${(error as Error).message}`,
    );
  }
}

/** Starts the rounds; the returned function runs a last round and stops. */
export function startSequencer(
  log: LogStore,
  options: Pick<
    Options,
    'logKey' | 'checkpointDir' | 'databaseUrl' | 'db' | 'witnesses' | 'logOrigin'
  >,
  logger: FastifyBaseLogger,
  now: () => Date,
  signingKey: LogKey | null = openSigningKey(options),
): () => Promise<void> {
  const { checkpointDir } = logFiles(options);
  let key: LogKey;
  if (signingKey) {
    key = signingKey;
  } else {
    logger.warn(
      'no --log-key: checkpoints are signed with a key that lives only as long as this process',
    );
    key = generateKeyPairSync('ed25519');
  }
  if (!checkpointDir) {
    logger.warn(
      'no --checkpoint-dir: checkpoints are kept only in the database and sent to witnesses',
    );
  }
  // The newest checkpoint signed: what the next one must extend (see anchor.ts).
  let anchor = checkpointDir
    ? newestCheckpointFile(checkpointDir, options.logOrigin, key.publicKey)
    : null;
  let refusing = false;
  let forgedSaid = false;
  const isSigned = (checkpoint: StoredCheckpoint): boolean => {
    try {
      const signed = openCheckpoint(checkpoint.text, key.publicKey);
      return (
        signed.origin === options.logOrigin &&
        signed.size === checkpoint.size &&
        signed.root === checkpoint.root
      );
    } catch {
      return false;
    }
  };
  const witness = createWitnesses(options.witnesses, logger);
  let running: Promise<void> | null = null;
  // The size of the newest checkpoint in the directory, and whether writing a file failed last time.
  let filed = -1;
  let failing = false;
  // A full or unwritable directory costs the file, never the checkpoint: it is in the database and goes
  // to the witnesses; the newest is written once the directory takes it again.
  const file = (checkpoint: { size: number; text: string }): void => {
    if (!checkpointDir || checkpoint.size <= filed) return;
    try {
      writeCheckpointFile(checkpointDir, checkpoint.size, checkpoint.text);
      filed = checkpoint.size;
      if (failing) logger.info({ checkpointDir }, 'checkpoint files written again');
      failing = false;
    } catch (error) {
      if (!failing) {
        logger.error(
          { err: error, checkpointDir },
          'cannot write the checkpoint file: it is kept in the database and sent to the witnesses, and written once the directory can be written',
        );
      }
      failing = true;
    }
  };

  const round = async (): Promise<void> => {
    const head = await log.sequence();
    if (!head || head.size === 0) return;
    const latest = await log.latestCheckpoint();
    if (latest && latest.size >= head.size) {
      // A row of the database is no signature: one the key did not sign (a forged size far past the log)
      // would stop every round and be filed. A key of this process alone cannot tell another's from a forgery.
      if (!signingKey || isSigned(latest)) return file(latest);
      if (!forgedSaid) {
        logger.error(
          { checkpoint: { size: latest.size, root: latest.root } },
          `the newest checkpoint in the database (${latest.size} leaves) is not signed by the log key: forged or damaged; the collector goes on signing its own`,
        );
      }
      forgedSaid = true;
    }
    if (anchor && !(await extendsCheckpoint(log, anchor, head))) {
      if (!refusing) {
        logger.error(
          { checkpoint: anchor, head },
          `the log does not extend the checkpoint of ${anchor.time} (${anchor.size} leaves): cut, rewritten or restored from an older backup; no checkpoint is signed until it does (run verify --checkpoint)`,
        );
      }
      refusing = true;
      return;
    }
    refusing = false;
    const time = now().toISOString();
    const text = signCheckpoint({ origin: options.logOrigin, ...head, time }, key);
    // Another collector may have signed this size meanwhile: only the one that stored it publishes it.
    if (!(await log.saveCheckpoint({ ...head, time, text }))) return;
    anchor = { origin: options.logOrigin, ...head, time };
    file({ size: head.size, text });
    witness(text);
  };
  const tick = () => {
    if (running) return running;
    running = round()
      .catch((error: unknown) => logger.error({ err: error }, 'log sequencing failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(tick, SEQUENCE_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await tick();
  };
}
