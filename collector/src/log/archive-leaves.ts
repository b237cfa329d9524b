// What the log says of the archive of what visitors were shown, as verify gathers it from the snapshot
// leaves (in leaf order, the last leaf of a hash wins), and how each stored snapshot row meets it.
import type { ArchivedSnapshot } from './types.js';

/** The last leaf of one hash: what it said when appended. */
type Said =
  | { leafIndex: number; erased: false; storedAt: string; publishedAt: string | null }
  | { leafIndex: number; erased: true; at: string };

export class ArchiveLeaves {
  /** Snapshot and snapshot-erasure leaves seen. */
  leaves = 0;
  private readonly said = new Map<string, Said>();
  private readonly matched = new Set<string>();

  /** Takes a snapshot or snapshot-erasure leaf, its hash already checked against its text. */
  add(leafIndex: number, leaf: string): void {
    this.leaves++;
    const parsed = JSON.parse(leaf) as unknown[];
    if (parsed[0] === 'garde/snapshot') {
      const [, hash, storedAt, publishedAt] = parsed as [string, string, string, string | null];
      this.said.set(hash, { leafIndex, erased: false, storedAt, publishedAt });
    } else {
      const [, at, hashes] = parsed as [string, string, string[]];
      for (const hash of hashes) this.said.set(hash, { leafIndex, erased: true, at });
    }
  }

  /** Why a stored row is not what the log says of it, or null. */
  problemOf(row: ArchivedSnapshot): string | null {
    this.matched.add(row.hash);
    const said = this.said.get(row.hash);
    if (!said) return 'no leaf in the log: inserted in the archive by hand';
    if (said.erased) {
      return `the log erased it at ${said.at} (leaf ${said.leafIndex}), yet it is in the archive: put back by hand`;
    }
    if (said.storedAt !== row.storedAt) {
      return `stored at ${row.storedAt}, its leaf ${said.leafIndex} says ${said.storedAt}: redated`;
    }
    if (said.publishedAt !== row.publishedAt) {
      const as = (at: string | null) => (at ? `published at ${at}` : 'not published');
      return `${as(row.publishedAt)}, its leaf ${said.leafIndex} says ${as(said.publishedAt)}: the site's registration edited`;
    }
    return null;
  }

  /** The hashes whose last leaf says stored, with no row in the archive (after every row was taken). */
  *unmatched(): Iterable<[string, number]> {
    for (const [hash, said] of this.said) {
      if (!said.erased && !this.matched.has(hash)) yield [hash, said.leafIndex];
    }
  }
}
