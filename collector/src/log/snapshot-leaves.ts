// The leaves of the archive of what visitors were shown, as both databases append them: a snapshot
// entering the archive (or registered by the site), and snapshots erased with their last receipt.
import { snapshotErasureLeaf, snapshotLeaf, type ArchivedSnapshotState } from 'garde/wire';
import type { NewLeaf } from '../storage/log-sqlite.js';
import { leafHashOf } from './tree.js';

/** The leaf of what the archive now says of one snapshot. */
export function snapshotNewLeaf(state: ArchivedSnapshotState): NewLeaf {
  const leaf = snapshotLeaf(state);
  return { kind: 'snapshot', hash: leafHashOf(leaf), leaf };
}

/** The leaf of snapshots erased at `at` (hashes sorted, so that the leaf does not depend on row order). */
export function snapshotErasureNewLeaf(at: string, hashes: string[]): NewLeaf {
  const leaf = snapshotErasureLeaf({ at, hashes: [...hashes].sort() });
  return { kind: 'snapshot-erasure', hash: leafHashOf(leaf), leaf };
}

/**
 * How every leaf of a snapshot hash begins (64 hex: nothing to escape in a LIKE pattern), to find its
 * last leaf with `leaf LIKE prefix || '%'` among the snapshot leaves.
 */
export const snapshotLeafPrefix = (hash: string): string => `["garde/snapshot","${hash}",`;
