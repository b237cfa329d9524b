// What a decision sends, as the server receives it (the beacon recorder): the receipt's path is
// reduced like a hit's, and neither a receipt nor a hit carries the page URL in a Referer header.
import { expect } from '@open-wc/testing';
import { createStore, entries, get, keys } from 'idb-keyval';
import type { Garde, Hit, Receipt } from '../../src/core/types.js';
import { snapshotText } from '../../src/i18n/snapshot.js';
import { config, reset, start, until } from './helpers.js';

const BANNER = { layer: 'banner' } as const;

interface Beacon {
  body: string;
  cookie: string;
  referer: string;
  headers: Record<string, string>;
}

const NUMBER = '85073112345';
const ADDRESS = 'jean.dupont@example.be';
let count = 0;

async function received(box: string, atLeast: number): Promise<Beacon[]> {
  const all: Beacon[] = [];
  // A receipt leaves after the decision's hash and the outbox: give a loaded machine time.
  await until(async () => {
    all.push(...(await (await fetch(`/__beacons/${box}`)).json()));
    return all.length >= atLeast;
  }, 10_000);
  return all;
}

describe('what leaves the page with a decision', function () {
  // Each test waits for beacons up to 10 s apiece (received()): more than mocha's 10 s on a loaded machine.
  this.timeout(30_000);
  const startUrl = location.href;
  beforeEach(async () => {
    await reset();
    // A page whose URL holds a national register number and an e-mail address.
    history.replaceState(null, '', `/fr/dossier/${NUMBER}/?email=${ADDRESS}`);
  });
  afterEach(() => history.replaceState(null, '', startUrl));
  after(reset);

  it('the receipt and the hit hold the reduced path, and no Referer header reaches the server', async () => {
    const box = `effects-${Date.now()}-${++count}`;
    const garde = start(
      config({
        recordEndpoint: `/__beacons/${box}-receipts`,
        analyticsEndpoint: `/__beacons/${box}-hits`,
        analytics: { autoPageview: true },
      }),
    );
    garde.acceptAll();
    const [receiptRecord] = await received(`${box}-receipts`, 1);
    const [hitRecord] = await received(`${box}-hits`, 1);
    const receipt = JSON.parse(receiptRecord!.body) as Receipt;
    const hit = JSON.parse(hitRecord!.body) as Hit;
    // Receipt and consent ids are time-ordered (v7, for the collector's indexes); the analytics
    // session id is random (v4): it carries nothing, not even when it was made.
    for (const id of [receipt.receiptId, receipt.id])
      expect(id).to.match(/^[\da-f]{8}-[\da-f]{4}-7[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(hit.session).to.match(
      /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/,
    );
    expect(receipt.path).to.equal('/fr/dossier/:redacted/');
    expect(hit.path).to.equal('/fr/dossier/:redacted/');
    for (const record of [receiptRecord!, hitRecord!]) {
      expect(record.referer, 'Referer header').to.equal('');
      // Neither in the body nor in any header (Referer, Origin…) of either request.
      const everything = record.body + JSON.stringify(record.headers);
      for (const leak of [NUMBER, 'jean.dupont', 'example.be'])
        expect(everything).not.to.contain(leak);
    }
  });
});

describe("the site's own path rules", function () {
  // Each test waits for beacons up to 10 s apiece (received()): more than mocha's 10 s on a loaded machine.
  this.timeout(30_000);
  const startUrl = location.href;
  beforeEach(reset);
  afterEach(() => history.replaceState(null, '', startUrl));
  after(reset);

  it('paths.redact reaches the receipt and the hit; paths.keep cuts the rest', async () => {
    history.replaceState(null, '', '/fr/patient/jean-dupont/documents');
    const box = `rules-${Date.now()}-${++count}`;
    const endpoints = {
      recordEndpoint: `/__beacons/${box}-receipts`,
      analyticsEndpoint: `/__beacons/${box}-hits`,
    };
    const garde = start(config({ ...endpoints, paths: { redact: ['/*/patient/*'] } }));
    garde.acceptAll();
    garde.track();
    const [receipt] = await received(`${box}-receipts`, 1);
    const [hit] = await received(`${box}-hits`, 1);
    expect(JSON.parse(receipt!.body).path).to.equal('/fr/patient/:redacted/documents');
    expect(JSON.parse(hit!.body).path).to.equal('/fr/patient/:redacted/documents');
    start(config({ ...endpoints, paths: { keep: ['/*/themes'] } })).track();
    const [cut] = await received(`${box}-hits`, 1);
    expect(JSON.parse(cut!.body).path).to.equal('/fr');
  });
});

describe('a no leaves no trace', function () {
  // Each test waits for beacons up to 10 s apiece (received()): more than mocha's 10 s on a loaded machine.
  this.timeout(30_000);
  const UUID = /[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/i;
  const gpc = (value: boolean) =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      value,
      configurable: true,
    });
  beforeEach(reset);
  afterEach(
    () => delete (Navigator.prototype as { globalPrivacyControl?: boolean }).globalPrivacyControl,
  );
  after(reset);

  /** Everything of garde's the browser keeps: cookies, both storages, the IndexedDB store. */
  const kept = async () =>
    JSON.stringify([
      document.cookie,
      { ...localStorage },
      { ...sessionStorage },
      await entries(createStore('garde', 'log')),
    ]);

  /**
   * Decides on one page, then opens the next one: returns the receipts the collector got, what
   * the browser keeps afterwards, and what the next page sent (hits, and the Cookie header of a
   * request to the site).
   */
  async function afterDecision(decide: (garde: Garde) => void, receiptCount: number) {
    const box = `no-trace-${Date.now()}-${++count}`;
    const endpoints = {
      recordEndpoint: `/__beacons/${box}-receipts`,
      analyticsEndpoint: `/__beacons/${box}-hits`,
    };
    const garde = start(config(endpoints), { snapshot: snapshotText });
    decide(garde);
    const receipts = (await received(`${box}-receipts`, receiptCount)).map(
      (record) => JSON.parse(record.body) as Receipt,
    );
    // Sent: the outbox empties.
    await until(async () => !(await get('outbox', createStore('garde', 'log'))));
    const stored = await kept();
    const next = start(config({ ...endpoints, analytics: { autoPageview: true } }));
    next.track('download');
    // A request to the site, with its cookies, after the page's own: the last of the box.
    navigator.sendBeacon(`/__beacons/${box}-hits`, 'end');
    const hits = await received(`${box}-hits`, 1);
    return { receipts, stored, next, hits };
  }

  it('reject-all: no id kept anywhere, a one-off id in the receipt, and silence on the next page', async () => {
    const { receipts, stored, next, hits } = await afterDecision((g) => g.rejectAll(BANNER), 1);
    expect(stored).to.not.match(UUID);
    expect(receipts[0]!.method).to.equal('reject-all');
    expect(receipts[0]!.id).to.match(UUID);
    expect(stored).to.not.contain(receipts[0]!.id);
    expect(next.consent!.id).to.equal(undefined);
    // No hit from the next page, and no identifier in the Cookie header it sends to the site.
    expect(hits.map((hit) => hit.body)).to.deep.equal(['end']);
    expect(hits[0]!.cookie).to.match(/garde_consent=3\.\./);
    expect(hits[0]!.cookie).to.not.match(UUID);
  });

  it('GPC: the same, and its receipt (layer signal) claims no `shown`', async () => {
    gpc(true);
    const { receipts, stored, hits } = await afterDecision(() => {}, 1);
    expect(stored).to.not.match(UUID);
    expect(receipts[0]).to.include({ method: 'gpc', layer: 'signal' });
    expect(receipts[0]).to.not.have.property('shown');
    expect(hits.map((hit) => hit.body)).to.deep.equal(['end']);
    expect(hits[0]!.cookie).to.not.match(UUID);
  });

  it('withdraw: its receipt under the id it ends, then the id, the log and the outbox are gone', async () => {
    const { receipts, stored, hits } = await afterDecision((g) => {
      g.acceptAll(BANNER);
      g.withdraw();
    }, 2);
    const acceptance = receipts.find((receipt) => receipt.method === 'accept-all');
    const withdrawal = receipts.find((receipt) => receipt.method === 'withdraw');
    expect(acceptance!.id).to.match(UUID);
    expect(withdrawal).to.include({ method: 'withdraw', id: acceptance!.id });
    // Withdrawn through the API: nothing of garde's was shown for it.
    expect(withdrawal).to.not.have.property('shown');
    expect(acceptance!.shown).to.match(/^[\da-f]{64}$/);
    expect(stored).to.not.match(UUID);
    expect(await keys(createStore('garde', 'log'))).to.deep.equal([]);
    expect(hits.map((hit) => hit.body)).to.deep.equal(['end']);
    expect(hits[0]!.cookie).to.match(/garde_consent=3\.\.[^;]*\.w\./);
  });

  it('an acceptance after a refusal gets a new id, the refusal’s one-off id is never reused', async () => {
    const box = `no-trace-${Date.now()}-${++count}`;
    const g = start(config({ recordEndpoint: `/__beacons/${box}` }));
    g.rejectAll();
    g.acceptAll();
    const [refusal, acceptance] = (await received(box, 2)).map(
      (record) => JSON.parse(record.body) as Receipt,
    );
    expect(refusal!.method).to.equal('reject-all');
    expect(acceptance!.id).to.equal(g.consent!.id);
    expect(acceptance!.id).to.not.equal(refusal!.id);
    expect(document.cookie).to.contain(acceptance!.id);
    expect(document.cookie).to.not.contain(refusal!.id);
  });
});
