// verifyExportProofs, the one check of an export's proofs that `garde-collector verify-proof` and the admin
// page share: on a two-leaf tree built here as RFC 9162 defines it, each record as exported is proven, and a
// record changed or missing is not. verifySnapshotProof the same for a snapshot's leaf, whose text is fixed
// here byte for byte (the collector, the migration and every verifier must agree on it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  leafHash,
  recordLeaf,
  snapshotErasureLeaf,
  snapshotLeaf,
  verifyConsistency,
  verifyExportProofs,
  verifyInclusion,
  verifyRecordProof,
  verifySnapshotProof,
  type LoggedRecord,
} from 'garde/wire';

const record = (receiptId: string): LoggedRecord => ({
  receiptId,
  id: 'visitor',
  ts: '2026-05-01T10:00:00.000Z',
  receivedAt: '2026-05-01T10:00:01.000Z',
  version: '2026-05',
  categories: { necessary: true, analytics: false },
  services: {},
  method: 'reject-all',
  lang: 'fr',
  path: '/fr/',
  origin: null,
  clockSkew: false,
  shown: null,
  layer: 'banner',
  v: '0.1.0',
});

async function twoLeafExport() {
  const records = [record('r-0'), record('r-1')];
  const salts = ['a'.repeat(32), 'b'.repeat(32)];
  const leaves = await Promise.all(records.map((r, i) => leafHash(recordLeaf(r, salts[i]!))));
  const root = createHash('sha256')
    .update(
      Buffer.concat([Buffer.of(1), Buffer.from(leaves[0]!, 'hex'), Buffer.from(leaves[1]!, 'hex')]),
    )
    .digest('hex');
  const proofs = records.map((r, i) => ({
    receiptId: r.receiptId,
    leafIndex: i,
    salt: salts[i]!,
    path: [leaves[1 - i]!],
  }));
  return { records, proofs, head: { size: 2, root } };
}

const results = async (...args: Parameters<typeof verifyExportProofs>) => {
  const out: Array<[string, boolean]> = [];
  for await (const { proof, ok } of verifyExportProofs(...args)) out.push([proof.receiptId, ok]);
  return out;
};

describe('verifyExportProofs', () => {
  it('proves each record as exported, in the order of the proofs', async () => {
    const { records, proofs, head } = await twoLeafExport();
    assert.deepEqual(await results(records, proofs, head), [
      ['r-0', true],
      ['r-1', true],
    ]);
  });

  it('refuses a record changed after it was logged, one missing, and a wrong root', async () => {
    const { records, proofs, head } = await twoLeafExport();
    const changed = [{ ...records[0]!, method: 'accept-all' }, records[1]!];
    assert.deepEqual(await results(changed, proofs, head), [
      ['r-0', false],
      ['r-1', true],
    ]);
    assert.deepEqual(await results([records[1]!], proofs, head), [
      ['r-0', false],
      ['r-1', true],
    ]);
    assert.deepEqual(await results(records, proofs, { size: 2, root: 'c'.repeat(64) }), [
      ['r-0', false],
      ['r-1', false],
    ]);
  });
});

describe('snapshot leaves', () => {
  const hash = 'd'.repeat(64);
  const stored = { hash, storedAt: '2026-05-01T10:00:00.000Z', publishedAt: null };

  it('hold the hash and the dates, never the content', () => {
    assert.equal(
      snapshotLeaf(stored),
      `["garde/snapshot","${hash}","2026-05-01T10:00:00.000Z",null]`,
    );
    assert.equal(
      snapshotErasureLeaf({ at: '2026-06-01T00:00:00.000Z', hashes: [hash] }),
      `["garde/snapshot-erasure","2026-06-01T00:00:00.000Z",["${hash}"]]`,
    );
  });

  it('prove what the archive logged, and refuse a date or a publication changed', async () => {
    const other = await leafHash(recordLeaf(record('r-0'), 'a'.repeat(32)));
    const mine = await leafHash(snapshotLeaf(stored));
    const root = createHash('sha256')
      .update(Buffer.concat([Buffer.of(1), Buffer.from(other, 'hex'), Buffer.from(mine, 'hex')]))
      .digest('hex');
    const head = { size: 2, root };
    const proof = { ...stored, leafIndex: 1, path: [other] };
    assert.equal(await verifySnapshotProof(proof, head), true);
    const redated = { ...proof, storedAt: '2026-04-01T10:00:00.000Z' };
    assert.equal(await verifySnapshotProof(redated, head), false);
    const published = { ...proof, publishedAt: '2026-05-01T10:00:00.000Z' };
    assert.equal(await verifySnapshotProof(published, head), false);
    assert.equal(await verifySnapshotProof({ ...proof, leafIndex: 0 }, head), false);
  });
});

describe('malformed input, as a file read from anywhere gives it', () => {
  // What JSON.parse can give where a proof's fields are expected: each check says false, never throws.
  const deep = JSON.parse(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`) as unknown;
  const junk: unknown[] = [
    null,
    7,
    'abc',
    [],
    {},
    { leafIndex: '0', treeSize: 2, path: 'ab' },
    deep,
  ];

  it('verifyInclusion, verifyConsistency, verifyRecordProof and verifySnapshotProof say false', async () => {
    const { records, proofs, head } = await twoLeafExport();
    const [proof] = proofs;
    for (const [i, bad] of junk.entries()) {
      const what = `junk[${i}]`;
      const asAny = bad as never;
      assert.equal(await verifyInclusion('a'.repeat(64), asAny, head.root), false, what);
      assert.equal(await verifyConsistency(1, head.root, 2, head.root, asAny), false, what);
      assert.equal(await verifyRecordProof(asAny), false, what);
      const entry = { record: records[0]!, salt: proof!.salt, proof: asAny, root: head.root };
      assert.equal(await verifyRecordProof(entry), false, what);
      const categories = { ...entry, record: { ...records[0]!, categories: asAny } };
      assert.equal(await verifyRecordProof(categories), false, what);
      assert.equal(await verifySnapshotProof(asAny, head), false, what);
      assert.equal(
        await verifySnapshotProof({ ...(asAny as object), path: [] } as never, asAny),
        false,
        what,
      );
    }
  });

  it('verifyExportProofs yields each proof as not proven', async () => {
    const { records, proofs, head } = await twoLeafExport();
    for (const [i, bad] of junk.entries()) {
      const what = `junk[${i}]`;
      const oks: boolean[] = [];
      const asAny = bad as never;
      for await (const { ok } of verifyExportProofs([asAny, ...records], [asAny], head)) {
        oks.push(ok);
      }
      assert.deepEqual(oks, [false], what);
      const deepRecord = { ...records[0]!, categories: asAny };
      for await (const { ok } of verifyExportProofs([deepRecord], proofs.slice(0, 1), head)) {
        assert.equal(ok, false, what);
      }
      for await (const { ok } of verifyExportProofs(records, proofs, asAny)) {
        assert.equal(ok, false, what);
      }
    }
  });
});
