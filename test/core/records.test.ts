// The record-keeping of the ESM build and the tests (records.ts): a receipt's path reduced before it
// is logged or sent, its `shown` only under this page's policy version.
import { expect } from '@open-wc/testing';
import { validateConfig } from '../../src/core/config.js';
import { createRecords } from '../../src/core/records.js';
import type { Receipt } from '../../src/core/types.js';
import { snapshotText } from '../../src/i18n/snapshot.js';
import { config, reset } from './helpers.js';

const receipt = (extra: Partial<Receipt> = {}): Receipt => ({
  receiptId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  id: '0190a1b2-c3d4-7e5f-8a6b-000000000001',
  ts: new Date().toISOString(),
  version: '2020-12-07',
  categories: { necessary: true, analytics: false, marketing: false },
  services: { matomo: false, youtube: false },
  method: 'reject-all',
  lang: 'nl',
  path: '/nl/patient/42/documents?x=1',
  layer: 'banner',
  v: '0.1.0',
  ...extra,
});

describe('records', () => {
  beforeEach(reset);
  after(reset);

  it("stamps a receipt with its path reduced by the site's rules and what was shown", async () => {
    const given = validateConfig(config({ paths: { redact: ['/*/patient/*'] } }));
    const { stamp } = createRecords({ config: given, snapshot: snapshotText });
    const stamped = await stamp(receipt());
    expect(stamped.path).to.equal('/nl/patient/:redacted/documents');
    expect(stamped.shown).to.match(/^[0-9a-f]{64}$/);
    // Another policy version: what this page shows is not what was seen.
    expect(await stamp(receipt({ version: '2019-01-01' }))).to.not.have.property('shown');
  });

  it('without a snapshot, logs a receipt at once (reduced), with no shown', async () => {
    const { record, list } = createRecords({ config: validateConfig(config()) });
    void record(receipt({ method: 'accept-all' }), true);
    const [entry] = await list();
    expect(entry).to.include({ path: '/nl/patient/42/documents', sent: false });
    expect(entry).to.not.have.property('shown');
  });
});
