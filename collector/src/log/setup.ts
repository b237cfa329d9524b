// What the log needs before the collector starts, checked at start rather than at the first checkpoint:
// a key it can sign with and that nobody else can read, the same key as before, and a checkpoint
// directory it can write.
import { accessSync, constants, existsSync, mkdirSync, opendirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Options } from '../options.js';
import { loadLogKey, type LogKey } from './checkpoint.js';

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

/** What keeps the collector from signing checkpoints, said at start. */
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
