// The Merkle tree of the log (RFC 9162), stored as Go's sumdb/tlog stores it: every hash of a complete
// subtree once, at a "stored hash index" in the order they come into being, so that appending a leaf
// writes its leaf hash and the hashes of the subtrees it completes, and any proof reads O(log n) hashes.
import { createHash } from 'node:crypto';

/** Reads stored hashes (hex) by stored-hash index, in the order asked. */
export type HashReader = (indexes: number[]) => Promise<string[]>;

/** SHA-256(0x00 ‖ leaf), hex. */
export function leafHashOf(leaf: string): string {
  return createHash('sha256').update(Buffer.of(0)).update(leaf, 'utf8').digest('hex');
}

/** SHA-256(0x01 ‖ left ‖ right), hex. */
export function nodeHash(left: string, right: string): string {
  return createHash('sha256')
    .update(Buffer.of(1))
    .update(Buffer.from(left, 'hex'))
    .update(Buffer.from(right, 'hex'))
    .digest('hex');
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

/** The root hash of a tree of `size` leaves (the hash of the empty string for 0, as RFC 9162 says). */
export async function treeHash(size: number, read: HashReader): Promise<string> {
  if (size === 0) return createHash('sha256').digest('hex');
  const parts = completeSubtrees(0, size);
  return foldSubtrees(await read(parts.map(([level, n]) => storedHashIndex(level, n))));
}

/**
 * Appends leaves to a tree of `size` leaves: returns the hashes to store after the ones stored (in order,
 * starting at index storedHashCount(size)) and the new root. Only the right edge of the tree is read.
 */
export async function appendLeaves(
  size: number,
  leafHashes: string[],
  read: HashReader,
): Promise<{ stored: string[]; root: string }> {
  const edge = completeSubtrees(0, size);
  // The right edge as a stack of [level, hash], largest subtree first.
  const stack: Array<[number, string]> = [];
  const edgeHashes = await read(edge.map(([level, n]) => storedHashIndex(level, n)));
  edge.forEach(([level], i) => stack.push([level, edgeHashes[i]!]));
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
  const root = stack.length ? foldSubtrees(stack.map(([, hash]) => hash)) : await treeHash(0, read);
  return { stored, root };
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
function consistencyRanges(m: number, lo: number, hi: number, whole: boolean): Array<[number, number]> {
  if (m === hi - lo) return whole ? [] : [[lo, hi]];
  const k = splitPoint(hi - lo);
  return m <= k
    ? [...consistencyRanges(m, lo, lo + k, whole), [lo + k, hi]]
    : [...consistencyRanges(m - k, lo + k, hi, false), [lo, lo + k]];
}

async function rangeHashes(ranges: Array<[number, number]>, read: HashReader): Promise<string[]> {
  const parts = ranges.map(([lo, hi]) => completeSubtrees(lo, hi));
  const indexes = parts.flat().map(([level, n]) => storedHashIndex(level, n));
  const hashes = await read(indexes);
  let at = 0;
  return parts.map((subtrees) => foldSubtrees(hashes.slice(at, (at += subtrees.length))));
}

/** The audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(index: number, size: number, read: HashReader): Promise<string[]> {
  return rangeHashes(inclusionRanges(index, 0, size), read);
}

/** The consistency proof from the tree of `from` leaves to the tree of `to` leaves (0 < from ≤ to). */
export function consistencyProof(from: number, to: number, read: HashReader): Promise<string[]> {
  return rangeHashes(consistencyRanges(from, 0, to, true), read);
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
    if (!this.edge.length) return createHash('sha256').digest('hex');
    return foldSubtrees(this.edge.map(([, hash]) => hash));
  }
}
