// The Merkle tree of the log (RFC 9162), stored as Go's sumdb/tlog stores it: every hash of a complete
// subtree once, at a "stored hash index" in the order they come into being, so that appending a leaf
// writes its leaf hash and the hashes of the subtrees it completes, and any proof reads O(log n) hashes.
import { createHash, hash } from 'node:crypto';

/** Reads stored hashes (hex) by stored-hash index, in the order asked. */
export type HashReader = (indexes: number[]) => Promise<string[]>;

// One-shot hashing (crypto.hash) costs about a third of a createHash object per call, and verify makes
// two calls a leaf: a million leaves is ~4 s less.

/** SHA-256(0x00 ‖ leaf), hex. */
export function leafHashOf(leaf: string): string {
  return hash('sha256', `\u0000${leaf}`, 'hex');
}

/** SHA-256(0x01 ‖ left ‖ right), hex. */
export function nodeHash(left: string, right: string): string {
  return hash('sha256', Buffer.from(`01${left}${right}`, 'hex'), 'hex');
}

/** Where the hash of the `n`-th subtree of 2^level leaves is stored (tlog.StoredHashIndex). */
export function storedHashIndex(level: number, n: number): number {
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = Math.floor(n / 2)) i += n;
  return i + level;
}

/** How many hashes a tree of `size` leaves stores. */
export function storedHashCount(size: number): number {
  if (size === 0) return 0;
  let count = storedHashIndex(0, size - 1) + 1;
  for (let i = size - 1; i % 2 === 1; i = Math.floor(i / 2)) count++;
  return count;
}

// The largest power of two smaller than n (n > 1).
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The complete subtrees that make up leaves [lo, hi), left to right, as [level, index at level]. */
function completeSubtrees(lo: number, hi: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  while (lo < hi) {
    let k = 1;
    let level = 0;
    while (k * 2 <= hi - lo && lo % (k * 2) === 0) {
      k *= 2;
      level++;
    }
    parts.push([level, lo / k]);
    lo += k;
  }
  return parts;
}

/** The hash of leaves [lo, hi) from the hashes of its complete subtrees (right to left fold). */
function foldSubtrees(hashes: string[]): string {
  let hash = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) hash = nodeHash(hashes[i]!, hash);
  return hash;
}

const EMPTY_ROOT = createHash('sha256').digest('hex');

/** The stored-hash indexes of the right edge of a tree of `size` leaves: all that appending reads. */
export function rightEdgeIndexes(size: number): number[] {
  return completeSubtrees(0, size).map(([level, n]) => storedHashIndex(level, n));
}

/** The root hash from the right edge's hashes (the hash of the empty string for no leaves, RFC 9162). */
export function rootOfEdge(edgeHashes: string[]): string {
  return edgeHashes.length ? foldSubtrees(edgeHashes) : EMPTY_ROOT;
}

/**
 * Appends leaves to a tree of `size` leaves whose right edge is `edgeHashes` (rightEdgeIndexes): returns
 * the hashes to store after the ones stored (in order, from index storedHashCount(size)) and the new root.
 */
export function appendLeaves(
  size: number,
  edgeHashes: string[],
  leafHashes: string[],
): { stored: string[]; root: string } {
  // The right edge as a stack of [level, hash], largest subtree first.
  const stack = completeSubtrees(0, size).map(([level], i): [number, string] => [
    level,
    edgeHashes[i]!,
  ]);
  const stored: string[] = [];
  for (const leaf of leafHashes) {
    let hash = leaf;
    let level = 0;
    stored.push(hash);
    while (stack.length && stack[stack.length - 1]![0] === level) {
      hash = nodeHash(stack.pop()![1], hash);
      level++;
      stored.push(hash);
    }
    stack.push([level, hash]);
  }
  return { stored, root: rootOfEdge(stack.map(([, hash]) => hash)) };
}

/** The ranges [lo, hi) whose hashes an inclusion proof of leaf `index` in a tree of `size` lists. */
function inclusionRanges(index: number, lo: number, hi: number): Array<[number, number]> {
  if (hi - lo <= 1) return [];
  const k = splitPoint(hi - lo);
  return index < lo + k
    ? [...inclusionRanges(index, lo, lo + k), [lo + k, hi]]
    : [...inclusionRanges(index, lo + k, hi), [lo, lo + k]];
}

/** The ranges of a consistency proof from `m` leaves (RFC 9162 SUBPROOF). */
function consistencyRanges(
  m: number,
  lo: number,
  hi: number,
  whole: boolean,
): Array<[number, number]> {
  if (m === hi - lo) return whole ? [] : [[lo, hi]];
  const k = splitPoint(hi - lo);
  return m <= k
    ? [...consistencyRanges(m, lo, lo + k, whole), [lo + k, hi]]
    : [...consistencyRanges(m - k, lo + k, hi, false), [lo, lo + k]];
}

/** What a proof needs read (stored-hash indexes) and how it is made from what was read. */
export interface ProofPlan {
  indexes: number[];
  finish(hashes: string[]): string[];
}

function planRanges(ranges: Array<[number, number]>): ProofPlan {
  const parts = ranges.map(([lo, hi]) => completeSubtrees(lo, hi));
  return {
    indexes: parts.flat().map(([level, n]) => storedHashIndex(level, n)),
    finish(hashes) {
      let at = 0;
      return parts.map((subtrees) => foldSubtrees(hashes.slice(at, (at += subtrees.length))));
    },
  };
}

/** The audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionPlan(index: number, size: number): ProofPlan {
  return planRanges(inclusionRanges(index, 0, size));
}

/** The consistency proof from the tree of `from` leaves to the tree of `to` leaves (0 < from ≤ to). */
export function consistencyPlan(from: number, to: number): ProofPlan {
  return planRanges(consistencyRanges(from, 0, to, true));
}

/** Runs a plan with an asynchronous reader. */
export async function prove(plan: ProofPlan, read: HashReader): Promise<string[]> {
  return plan.finish(plan.indexes.length ? await read(plan.indexes) : []);
}

/**
 * Builds a tree leaf by leaf in memory (verify): the root at any size, from the right edge only.
 */
export class TreeBuilder {
  size = 0;
  private readonly edge: Array<[number, string]> = [];

  add(leafHash: string): void {
    let hash = leafHash;
    let level = 0;
    while (this.edge.length && this.edge[this.edge.length - 1]![0] === level) {
      hash = nodeHash(this.edge.pop()![1], hash);
      level++;
    }
    this.edge.push([level, hash]);
    this.size++;
  }

  root(): string {
    return rootOfEdge(this.edge.map(([, hash]) => hash));
  }
}
