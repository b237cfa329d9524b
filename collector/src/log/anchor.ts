// What the collector signs must extend what was signed before: the newest checkpoint file of its directory
// (outside the database), then each head it signs. Otherwise someone who can write the database, but not
// read the key, could cut or rewrite the log and have the collector sign the result for them.
import type { KeyObject } from 'node:crypto';
import { opendirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyConsistency } from 'garde/wire';
import { openCheckpoint, type TreeHead } from './checkpoint.js';
import { consistencyPlan, prove } from './tree.js';
import type { LogHead, LogStore } from './types.js';

/** How many of the largest checkpoint files are tried, newest first, before giving up. */
const CANDIDATES = 8;

/**
 * The newest checkpoint file of `dir` that `publicKey` signed for the log `origin`, or null. The
 * directory gets a file a round (up to two a second), so it is streamed: only the largest few names are
 * kept, never the whole listing.
 */
export function newestCheckpointFile(
  dir: string,
  origin: string,
  publicKey: KeyObject,
): TreeHead | null {
  const largest: Array<[number, string]> = [];
  let listing;
  try {
    listing = opendirSync(dir);
  } catch {
    return null;
  }
  try {
    for (let entry = listing.readSync(); entry; entry = listing.readSync()) {
      if (!/^\d+\.checkpoint$/.test(entry.name)) continue;
      const size = parseInt(entry.name, 10);
      if (largest.length === CANDIDATES && size <= largest[CANDIDATES - 1]![0]) continue;
      largest.push([size, entry.name]);
      largest.sort((a, b) => b[0] - a[0]);
      largest.length = Math.min(largest.length, CANDIDATES);
    }
  } finally {
    listing.closeSync();
  }
  for (const [, name] of largest) {
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
