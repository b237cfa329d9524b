// What dist/garde-records.js does (records-file.ts), run from the source: it takes over the
// receipts the first file kept (localStorage, or memory where storage was refused), stamps them
// with this page's snapshot, logs them in IndexedDB and sends them once, then forgets them.
import { expect } from '@open-wc/testing';
import { validateConfig } from '../../src/core/config.js';
import { keptReceipts, RECEIPT_KEY, type KeptReceipt } from '../../src/core/local-outbox.js';
import { openRecordsFile } from '../../src/core/records-file.js';
import type { Receipt } from '../../src/core/types.js';
import { uuidV7 } from '../../src/core/uuid.js';
import { snapshotText } from '../../src/i18n/snapshot.js';
import { sha256Hex } from '../../src/wire.js';
import { config, reset, until } from './helpers.js';

let key = '';
const posts = async (): Promise<Receipt[]> =>
  (
    (await (await fetch(`/test-consent/${key}`)).json()) as { posts: Array<{ body: string }> }
  ).posts.map((post) => JSON.parse(post.body) as Receipt);

/** A receipt as the effects make it, with the page's path as it is. */
const decided = (extra: Partial<Receipt> = {}): Receipt => ({
  receiptId: uuidV7(),
  id: uuidV7(),
  ts: new Date().toISOString(),
  version: '2020-12-07',
  categories: { necessary: true, analytics: true, marketing: false },
  services: { matomo: true, youtube: false },
  method: 'custom',
  lang: 'fr',
  path: '/fr/dossier/12345/',
  layer: 'banner',
  v: '0.1.0',
  ...extra,
});

describe('the records file', () => {
  const opened: Array<{ stop(): void }> = [];
  beforeEach(async () => {
    await reset();
    key = `records-file-${Math.random().toString(36).slice(2)}`;
  });
  afterEach(() => opened.splice(0).forEach((records) => records.stop()));
  after(reset);

  const open = (memory: Record<string, KeptReceipt> = {}, extra: Record<string, unknown> = {}) => {
    const given = validateConfig(config({ recordEndpoint: `/test-consent/${key}`, ...extra }));
    const records = openRecordsFile(given, memory, snapshotText);
    opened.push(records);
    return { records, given };
  };

  it('stamps, logs and sends a kept receipt once, then removes its key', async () => {
    const receipt = decided();
    localStorage.setItem(
      RECEIPT_KEY + receipt.receiptId,
      JSON.stringify({ ...receipt, logged: true }),
    );
    const { records, given } = open();
    await records.flush();
    const [sent, ...more] = await posts();
    expect(more).to.have.length(0);
    expect(sent).to.deep.equal({
      ...receipt,
      path: '/fr/dossier/:redacted/',
      shown: await sha256Hex(snapshotText({ config: given, lang: 'fr' })),
    });
    expect(keptReceipts()).to.deep.equal({});
    await until(async () => (await records.list())[0]?.sent);
    expect((await records.list()).map((entry) => entry.receiptId)).to.deep.equal([
      receipt.receiptId,
    ]);
    await records.retry();
    expect(await posts()).to.have.length(1);
  });

  it('takes over a receipt held in memory (storage refused), and empties that memory', async () => {
    const receipt = decided({ layer: 'api' });
    const memory = { [receipt.receiptId]: { ...receipt, logged: false } };
    const { records } = open(memory);
    await records.flush();
    const [sent] = await posts();
    // Through the API nothing was shown: no `shown`.
    expect(sent).to.include({ receiptId: receipt.receiptId, layer: 'api' });
    expect(sent).to.not.have.property('shown');
    expect(memory).to.deep.equal({});
    // A receipt without an id to keep (a refusal) erases the log rather than joining it.
    expect(await records.list()).to.deep.equal([]);
  });

  it('without a recordEndpoint: logged, its key removed, nothing sent', async () => {
    const receipt = decided();
    localStorage.setItem(
      RECEIPT_KEY + receipt.receiptId,
      JSON.stringify({ ...receipt, logged: true }),
    );
    const { records } = open({}, { recordEndpoint: null });
    expect((await records.list()).map((entry) => entry.receiptId)).to.deep.equal([
      receipt.receiptId,
    ]);
    expect(keptReceipts()).to.deep.equal({});
    expect(await posts()).to.deep.equal([]);
  });

  it('takes over the receipts kept before it came in the order they were made: a refusal last leaves no log', async () => {
    // Several pages' decisions wait when the file could not load; localStorage lists its keys in
    // no set order. Kept here newest first.
    const t0 = Date.now() - 60_000;
    const made = [0, 1, 2, 3, 4].map((i) =>
      decided({ ts: new Date(t0 + i * 1000).toISOString(), method: 'accept-all' }),
    );
    for (const receipt of [...made].reverse())
      localStorage.setItem(
        RECEIPT_KEY + receipt.receiptId,
        JSON.stringify({ ...receipt, logged: true }),
      );
    const { records } = open();
    await records.flush();
    expect((await records.list()).map((entry) => entry.receiptId)).to.deep.equal(
      made.map((receipt) => receipt.receiptId),
    );
    // An acceptance, then a refusal (no id kept, so the log is erased), both waiting: the log
    // ends empty, as it would have, had each been taken at once.
    const accepted = decided({ ts: new Date(t0 + 10_000).toISOString() });
    const refused = decided({ ts: new Date(t0 + 11_000).toISOString(), method: 'reject-all' });
    localStorage.setItem(
      RECEIPT_KEY + refused.receiptId,
      JSON.stringify({ ...refused, logged: false }),
    );
    localStorage.setItem(
      RECEIPT_KEY + accepted.receiptId,
      JSON.stringify({ ...accepted, logged: true }),
    );
    await records.flush();
    expect(await records.list()).to.deep.equal([]);
  });
});
