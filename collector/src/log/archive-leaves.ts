// What the log says of the archive of what visitors were shown, as verify gathers it from the snapshot
// leaves (in leaf order, the last leaf of a hash wins), and how each stored snapshot row meets it.
import type { ArchivedSnapshot } from './types.js';

/** The last leaf of one hash: what it said when appended. */
type Said =
  | { leafIndex: number; erased: false; storedAt: string; publishedAt: string | null }
  | { leafIndex: number; erased: true; at: string };

const isHash = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** What verify says of a leaf whose text the collector would never write. */
export const NOT_OURS = 'not a leaf the collector writes: made by hand';

/** The text parsed, or null when it is not JSON (a leaf made by hand must not stop verify). */
export function parseLeaf(leaf: string): unknown {
  try {
    return JSON.parse(leaf);
  } catch {
    return null;
  }
}

export class ArchiveLeaves {
  /** Snapshot and snapshot-erasure leaves seen. */
  leaves = 0;
  private readonly said = new Map<string, Said>();
  private readonly matched = new Set<string>();

  /**
   * Takes a snapshot or snapshot-erasure leaf, its hash already checked against its text; why it is not a
   * leaf the collector writes, or null.
   */
  add(leafIndex: number, leaf: string): string | null {
    this.leaves++;
    const parsed = parseLeaf(leaf);
    if (!Array.isArray(parsed)) return NOT_OURS;
    const [tag, first, second, third] = parsed as unknown[];
    if (
      tag === 'garde/snapshot' &&
      isHash(first) &&
      typeof second === 'string' &&
      (third === null || typeof third === 'string')
    ) {
      this.said.set(first, { leafIndex, erased: false, storedAt: second, publishedAt: third });
      return null;
    }
    if (tag === 'garde/snapshot-erasure' && typeof first === 'string' && Array.isArray(second)) {
      if (!second.every(isHash)) return NOT_OURS;
      for (const hash of second) this.said.set(hash, { leafIndex, erased: true, at: first });
      return null;
    }
    return NOT_OURS;
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
