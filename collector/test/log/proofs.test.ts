// The export's inclusion proofs, on both databases: checked without the database by garde/wire's verifier
// and by `garde-collector verify-proof`, and refused when one byte of a record changes; the same for the
// leaf of the snapshot the records name.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  canonicalJson,
  snapshotHash,
  verifyRecordProof,
  verifySnapshotProof,
  type LoggedRecord,
} from 'garde/wire';
import { loadLogKey, readCheckpointText, signCheckpoint } from '../../src/log/checkpoint.js';
import type { ExportedLog } from '../../src/log/proofs.js';
import { runVerifyProof } from '../../src/verify-proof.js';
import { BACKENDS, auth, frenchSnapshot, receipt, tempDir, testServer } from '../helpers.js';

for (const backend of BACKENDS) {
  describe(`export proofs: ${backend.name}`, { skip: backend.skip }, () => {
    it('gives each record a proof the verifier accepts, and that fails when one byte changes', async () => {
      const { storage, cleanup } = await backend.open();
      const tmp = tempDir();
      const keyFile = join(tmp.dir, 'garde-log.key');
      const { app } = await testServer(
        { logKey: keyFile, checkpointDir: join(tmp.dir, 'checkpoints') },
        { storage },
      );
      try {
        const snapshot = frenchSnapshot();
        const shown = (await snapshotHash(snapshot))!;
        for (const method of ['accept-all', 'custom', 'withdraw'] as const) {
          const res = await app.inject({
            method: 'POST',
            url: '/consent',
            payload: receipt({ id: 'proof-visitor', method, shown, layer: 'banner', v: '0.1.0' }),
          });
          assert.equal(res.statusCode, 202);
          await app.inject({ method: 'POST', url: '/consent', payload: receipt({ id: 'other' }) });
        }
        const sent = await app.inject({
          method: 'POST',
          url: '/consent/snapshot',
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          payload: `{"shown":"${shown}","snapshot":${canonicalJson(snapshot)}}`,
        });
        assert.equal(sent.statusCode, 201, sent.body);
        // Wait for the state: every record of the visitor in a signed checkpoint.
        let exported: { records: LoggedRecord[]; log: ExportedLog };
        do {
          exported = (
            await app.inject({ url: '/api/records/proof-visitor/export', headers: auth })
          ).json();
          // Let the sequencer's timer run between two looks (SQLite's reads never leave the microtasks).
          await new Promise((resolve) => setImmediate(resolve));
        } while (
          exported.log.pending.length ||
          exported.records.length < 3 ||
          !exported.log.snapshots.length
        );
        assert.equal(exported.log.proofs.length, 3);
        const head = readCheckpointText(exported.log.checkpoint!);
        // The snapshot the records name: its leaf, as the archive logged it, is in the checkpoint.
        const [logged] = exported.log.snapshots;
        assert.equal(logged!.hash, shown);
        assert.equal(logged!.publishedAt, null);
        assert.ok(await verifySnapshotProof(logged!, head));
        // One millisecond later (a text edit of the last digit could leave it as it was).
        const storedAt = new Date(Date.parse(logged!.storedAt) + 1).toISOString();
        const redated = { ...logged!, storedAt };
        assert.equal(await verifySnapshotProof(redated, head), false);
        const published = { ...logged!, publishedAt: logged!.storedAt };
        assert.equal(await verifySnapshotProof(published, head), false);
        for (const proof of exported.log.proofs) {
          const record = exported.records.find((r) => r.receiptId === proof.receiptId)!;
          const entry = {
            record,
            salt: proof.salt,
            proof: { leafIndex: proof.leafIndex, treeSize: head.size, path: proof.path },
            root: head.root,
          };
          assert.ok(await verifyRecordProof(entry));
          // One byte of the record changed: no longer proven.
          const edited = { ...entry, record: { ...record, lang: record.lang.replace('f', 'g') } };
          assert.equal(await verifyRecordProof(edited), false);
        }
        // What the visitor was shown, in words, in the file itself: the text its hash names.
        const { snapshots } = exported as unknown as {
          snapshots: Array<{ hash: string; lang: string; snapshot: unknown }>;
        };
        assert.deepEqual(
          snapshots.map(({ hash, lang }) => ({ hash, lang })),
          [{ hash: shown, lang: 'fr' }],
        );
        assert.equal(canonicalJson(snapshots[0]!.snapshot), canonicalJson(snapshot));
        const file = join(tmp.dir, 'export.json');
        writeFileSync(file, JSON.stringify(exported));
        let out = '';
        const code = await runVerifyProof(file, { logKey: `${keyFile}.pub` }, (l) => (out += l));
        assert.equal(code, 0, out);
        assert.match(out, new RegExp(`^text matches: snapshot ${shown}$`, 'm'));
        // One word of the text changed in the file: the text is no longer the one its hash names.
        const reworded = JSON.parse(
          JSON.stringify(exported).replace('Tout refuser', 'Tout accepter'),
        ) as typeof exported;
        writeFileSync(file, JSON.stringify(reworded));
        out = '';
        assert.equal(
          await runVerifyProof(file, { logKey: `${keyFile}.pub` }, (l) => (out += l)),
          1,
        );
        assert.match(out, new RegExp(`^TEXT DIFFERS: snapshot ${shown}$`, 'm'));
        assert.doesNotMatch(out, /NOT PROVEN/);
        assert.match(out, /^checkpoint signature valid: garde-collector, \d+ leaves/m);
        assert.equal(out.match(/^included: receipt /gm)?.length, 3);
        assert.match(
          out,
          new RegExp(`^included: snapshot ${shown} stored \\S+ \\(leaf \\d+\\)$`, 'm'),
        );
        // Records the proofs do not cover: one added, one listed as pending, one given twice (the
        // forged copy first). Each is named, and the export is not proven.
        const [genuine] = exported.records;
        const forged = (receiptId: string) => ({ ...genuine!, receiptId, method: 'accept-all' });
        const added = '00000000-0000-4000-8000-00000000f0a1';
        const pending = '00000000-0000-4000-8000-00000000f0a2';
        const tampered = [
          { ...exported, records: [...exported.records, forged(added)] },
          {
            ...exported,
            records: [...exported.records, forged(pending)],
            log: { ...exported.log, pending: [pending] },
          },
          { ...exported, records: [forged(genuine!.receiptId), ...exported.records] },
        ];
        for (const [i, unproven] of [added, pending, genuine!.receiptId].entries()) {
          writeFileSync(file, JSON.stringify(tampered[i]));
          out = '';
          assert.equal(
            await runVerifyProof(file, { logKey: `${keyFile}.pub` }, (l) => (out += l)),
            1,
            out,
          );
          assert.match(out, new RegExp(`^(NOT PROVEN|pending): receipt ${unproven} \\(`, 'm'));
        }
        exported.records[1]!.method = 'reject-all';
        exported.log.snapshots[0]!.publishedAt = '2026-01-01T00:00:00.000Z';
        writeFileSync(file, JSON.stringify(exported));
        out = '';
        assert.equal(
          await runVerifyProof(file, { logKey: `${keyFile}.pub` }, (l) => (out += l)),
          1,
        );
        assert.match(
          out,
          new RegExp(`^NOT PROVEN: receipt ${exported.records[1]!.receiptId}`, 'm'),
        );
        assert.match(out, new RegExp(`^NOT PROVEN: snapshot ${shown}`, 'm'));
      } finally {
        await app.close();
        await cleanup();
        tmp.remove();
      }
    });
  });
}

describe('verify-proof on a malformed export', () => {
  it('says NOT PROVEN for entries that are not proofs or records, and names a file that is no export', async () => {
    const tmp = tempDir();
    try {
      const keyFile = join(tmp.dir, 'garde-log.key');
      const key = loadLogKey(keyFile, true);
      const checkpoint = signCheckpoint(
        { origin: 'garde-collector', size: 2, root: 'ab'.repeat(32), time: '2026-06-01T00:00:00Z' },
        key,
      );
      const file = join(tmp.dir, 'export.json');
      const run = async (content: string) => {
        writeFileSync(file, content);
        let out = '';
        const code = await runVerifyProof(file, { logKey: `${keyFile}.pub` }, (l) => (out += l));
        return { code, out };
      };
      const junk = [null, 7, 'x', [], { receiptId: 'r', leafIndex: '0', salt: 5, path: 'zz' }];
      const malformed = await run(
        JSON.stringify({
          records: [...junk, { receiptId: 'r', categories: null }],
          log: { checkpoint, proofs: junk, pending: [], snapshots: junk },
        }),
      );
      assert.equal(malformed.code, 1, malformed.out);
      assert.doesNotMatch(malformed.out, /^included/m);
      assert.equal(malformed.out.match(/^NOT PROVEN: /gm)?.length, 14, malformed.out);
      for (const content of ['{"records": [', '[]', '{"records": [], "log": {"proofs": []}}']) {
        await assert.rejects(run(content), /is not (JSON|an export of garde-collector)/, content);
      }
    } finally {
      tmp.remove();
    }
  });
});
