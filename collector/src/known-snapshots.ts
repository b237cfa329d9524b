// Which snapshots the collector has, remembered in memory: each receipt's answer says whether its snapshot
// is known or missing, and that must not cost a database read per receipt once the snapshot is stored.
// Only "stored" is remembered: a snapshot another collector (PostgreSQL) stored meanwhile is found by the
// next read.
import type { Storage } from './storage/types.js';

/** Most hashes remembered; past it the memory starts again (a snapshot per page, language and version). */
const LIMIT = 10_000;

export interface KnownSnapshots {
  /** Whether a snapshot with this hash is stored. */
  has(hash: string): Promise<boolean>;
  /** Remembers that it is stored. */
  add(hash: string): void;
  /** Forgets every hash: snapshots were dropped from the archive (their last receipt was erased). */
  forget(): void;
}

export function knownSnapshots(storage: Pick<Storage, 'hasSnapshot'>): KnownSnapshots {
  const known = new Set<string>();
  const add = (hash: string) => {
    if (known.size >= LIMIT) known.clear();
    known.add(hash);
  };
  return {
    async has(hash) {
      if (known.has(hash)) return true;
      const stored = await storage.hasSnapshot(hash);
      if (stored) add(hash);
      return stored;
    },
    add,
    forget: () => known.clear(),
  };
}
