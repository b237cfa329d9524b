// What the collector signs must extend what was signed before: the newest checkpoint file of its directory
// (outside the database), then each head it signs. Otherwise someone who can write the database, but not
// read the key, could cut or rewrite the log and have the collector sign the result for them.
import type { KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyConsistency } from 'garde/wire';
import { openCheckpoint, type TreeHead } from './checkpoint.js';
import { consistencyPlan, prove } from './tree.js';
import type { LogHead, LogStore } from './types.js';

/** The newest checkpoint file of `dir` that `publicKey` signed for the log `origin`, or null. */
export function newestCheckpointFile(
  dir: string,
  origin: string,
  publicKey: KeyObject,
): TreeHead | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^\d+\.checkpoint$/.test(name));
  } catch {
    return null;
  }
  names.sort((a, b) => parseInt(b, 10) - parseInt(a, 10));
  for (const name of names) {
    try {
      const head = openCheckpoint(readFileSync(join(dir, name), 'utf8'), publicKey);
      if (head.origin === origin) return head;
    } catch {
      // Not a checkpoint of this key (a stray or damaged file): the next one.
    }
  }
  return null;
}

/** Whether the log whose head is `head` extends the tree of `checkpoint` (a consistency proof). */
export async function extendsCheckpoint(
  log: Pick<LogStore, 'readHashes'>,
  checkpoint: LogHead,
  head: LogHead,
): Promise<boolean> {
  if (head.size < checkpoint.size) return false;
  if (head.size === checkpoint.size) return head.root === checkpoint.root;
  const proof = await prove(consistencyPlan(checkpoint.size, head.size), log.readHashes).catch(
    () => null,
  );
  return (
    proof !== null &&
    verifyConsistency(checkpoint.size, checkpoint.root, head.size, head.root, proof)
  );
}
