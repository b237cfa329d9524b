// The collector's side of the log: every SEQUENCE_INTERVAL_MS it puts the records waiting into the tree
// (when it holds the sequencer's lock) and signs each new tree head as a checkpoint, kept in the database,
// written to the directory of checkpoint files and POSTed to the witnesses.
import { generateKeyPairSync } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Options } from '../options.js';
import { extendsCheckpoint, newestCheckpointFile } from './anchor.js';
import { openCheckpoint, signCheckpoint, writeCheckpointFile, type LogKey } from './checkpoint.js';
import { logFiles, openSigningKey } from './setup.js';
import type { LogStore, StoredCheckpoint } from './types.js';
import { createWitnesses } from './witnesses.js';

/** The longest a stored record waits before it is a leaf of the tree (plus one round's work). */
export const SEQUENCE_INTERVAL_MS = 500;

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
      // A row of the database is no signature: one the key did not sign would be filed, and stop the
      // rounds at its size. A key of this process alone cannot tell another's from a forgery.
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
