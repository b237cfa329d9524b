// The stored Merkle tree against RFC 9162's definition, and its proofs checked by the verifier of garde/wire.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { leafHash, verifyConsistency, verifyInclusion } from 'garde/wire';
import {
  appendLeaves,
  consistencyPlan,
  inclusionPlan,
  leafHashOf,
  prove,
  rightEdgeIndexes,
  rootOfEdge,
  storedHashCount,
  TreeBuilder,
  type HashReader,
} from '../../src/log/tree.js';

const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

// MTH of RFC 9162 2.1.1, written as the RFC does.
function mth(leaves: string[]): string {
  if (leaves.length === 0) return sha().toString('hex');
  if (leaves.length === 1) return sha(Buffer.of(0), Buffer.from(leaves[0]!)).toString('hex');
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(
    Buffer.of(1),
    Buffer.from(mth(leaves.slice(0, k)), 'hex'),
    Buffer.from(mth(leaves.slice(k)), 'hex'),
  ).toString('hex');
}

describe('log tree', () => {
  const leaves = Array.from({ length: 37 }, (_, i) => `leaf ${i}`);
  const store: string[] = [];
  const read: HashReader = async (indexes) => indexes.map((i) => store[i]!);
  const roots: string[] = [mth([])];

  it('stores the hashes as tlog does and gives RFC 9162 roots, in batches of any size', async () => {
    let size = 0;
    for (const batch of [1, 2, 5, 1, 8, 3, 17]) {
      const next = leaves.slice(size, size + batch);
      const edge = await read(rightEdgeIndexes(size));
      const { stored, root } = appendLeaves(size, edge, next.map(leafHashOf));
      assert.equal(store.length, storedHashCount(size));
      store.push(...stored);
      size += batch;
      assert.equal(store.length, storedHashCount(size));
      assert.equal(root, mth(leaves.slice(0, size)));
    }
    for (let n = 1; n <= leaves.length; n++) {
      roots[n] = mth(leaves.slice(0, n));
      assert.equal(rootOfEdge(await read(rightEdgeIndexes(n))), roots[n]);
    }
    const builder = new TreeBuilder();
    for (const leaf of leaves) builder.add(leafHashOf(leaf));
    assert.equal(builder.root(), roots[leaves.length]);
    assert.equal(await leafHash('leaf 3'), leafHashOf('leaf 3'));
  });

  it('gives inclusion proofs the verifier accepts, and that fail for another leaf or root', async () => {
    for (const size of [1, 2, 3, 7, 8, 13, 37]) {
      for (let index = 0; index < size; index++) {
        const path = await prove(inclusionPlan(index, size), read);
        const proof = { leafIndex: index, treeSize: size, path };
        assert.ok(await verifyInclusion(leafHashOf(leaves[index]!), proof, roots[size]!));
        assert.equal(await verifyInclusion(leafHashOf('other'), proof, roots[size]!), false);
        if (size > 1) {
          const moved = { ...proof, leafIndex: (index + 1) % size };
          assert.equal(
            await verifyInclusion(leafHashOf(leaves[index]!), moved, roots[size]!),
            false,
          );
        }
      }
    }
  });

  it('gives consistency proofs the verifier accepts, and that fail against a rewritten tree', async () => {
    for (let to = 1; to <= leaves.length; to++) {
      for (let from = 1; from <= to; from++) {
        const path = await prove(consistencyPlan(from, to), read);
        assert.ok(
          await verifyConsistency(from, roots[from]!, to, roots[to]!, path),
          `${from}→${to}`,
        );
        const rewritten = mth(['rewritten', ...leaves.slice(1, from)]);
        assert.equal(await verifyConsistency(from, rewritten, to, roots[to]!, path), false);
      }
    }
  });
});
