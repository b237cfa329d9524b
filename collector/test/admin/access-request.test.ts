// The file the admin page's "Export with proofs (JSON)" saves for a visitor's access request
// (GET /api/records/:consentId/export), read as the visitor reads it: each decision and what they were
// shown. The real collector on a temporary SQLite file; receipts and the snapshot sent as browsers send them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { canonicalJson, snapshotHash } from 'garde/wire';
import { TOKEN, frenchSnapshot, listeningServer, postText, receipt, tempDir } from '../helpers.js';

const VISITOR = '01a24575-1996-7123-bf5f-ceeba170f977';
const SNAPSHOT = frenchSnapshot();
const SHOWN = (await snapshotHash(SNAPSHOT))!;

const db = tempDir();
let app: FastifyInstance;
let base: string;

before(async () => {
  ({ app, base } = await listeningServer({ db: join(db.dir, 'access.sqlite') }));
  const post = (path: string, body: string) => postText(base, path, body);
  for (const method of ['accept-all', 'withdraw'] as const)
    assert.equal(
      (await post('/consent', JSON.stringify(receipt({ id: VISITOR, method, shown: SHOWN }))))
        .status,
      202,
    );
  const stored = await post(
    '/consent/snapshot',
    `{"shown":"${SHOWN}","snapshot":${canonicalJson(SNAPSHOT)}}`,
  );
  assert.equal(stored.status, 201);
});

after(async () => {
  await app?.close();
  db.remove();
});

// The export names each snapshot by its hash (and proves it was stored) and carries its text, so that the
// file handed to the visitor says what they were shown.
test('the access-request export carries the text of what the visitor was shown, not only its hash', async () => {
  const res = await fetch(`${base}/api/records/${VISITOR}/export`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(res.status, 200);
  const file = (await res.json()) as { records: Array<{ shown?: string }> };
  assert.deepEqual(
    file.records.map((r) => r.shown),
    [SHOWN, SHOWN],
  );
  const text = JSON.stringify(file);
  for (const words of ['Cookies sur ce site', 'Tout accepter', 'Tout refuser', 'Mesure d’audience'])
    assert.ok(text.includes(words), `the export says what the visitor read: "${words}"`);
});
