// "Refusal means silence", across real page loads (test/fixtures/analytics.html in an iframe, which
// sends an automatic pageview): what reaches the analytics endpoint, as the server records it.
import { expect } from '@open-wc/testing';
import type { ConsentState, Garde, Hit, Receipt } from '../../src/core/types.js';
import { reset, until } from './helpers.js';

interface Beacon {
  body: string;
}

let count = 0;

/** Everything `box` received so far (the recorder hands each record back once). */
const drain = async (box: string): Promise<Beacon[]> => (await fetch(`/__beacons/${box}`)).json();

/** A visitor's browser: page loads in one iframe, with one consent cookie and two beacon boxes. */
function visitor() {
  const id = `silence-${Date.now()}-${++count}`;
  const frame = Object.assign(document.createElement('iframe'), { title: 'page' });
  frame.dataset.test = '';
  document.body.append(frame);
  const garde = () => (frame.contentWindow as unknown as { garde?: Garde }).garde;
  return {
    garde: () => garde()!,
    /** Loads the page (with GPC on or off) and waits for garde to start. */
    async load({ gpc = false } = {}) {
      const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
      frame.src = `/test/fixtures/analytics.html?box=${id}&cookie=${id.replace(/-/g, '_')}&gpc=${gpc ? 1 : 0}`;
      await loaded;
      await until(() => garde());
      await garde()!.ready;
    },
    /** The hits received since the last call, after giving the page time to send them. */
    async hits(wait = 500): Promise<Hit[]> {
      await new Promise((done) => setTimeout(done, wait));
      return (await drain(id)).map((record) => JSON.parse(record.body) as Hit);
    },
    async receipts(): Promise<Receipt[]> {
      return (await drain(`${id}-receipts`)).map((record) => JSON.parse(record.body) as Receipt);
    },
    remove: () => frame.remove(),
  };
}

describe('refusal means silence (page loads)', () => {
  beforeEach(reset);
  after(reset);

  it('a fresh visit sends exactly one anonymous hit', async () => {
    const page = visitor();
    await page.load();
    const hits = await page.hits();
    expect(hits).to.have.length(1);
    expect(hits[0]!.consent).to.equal(false);
    page.remove();
  });

  it('after Reject all: no hit on that page, none on the next page load', async () => {
    const page = visitor();
    await page.load();
    await page.hits();
    page.garde().rejectAll();
    page.garde().track('click');
    expect(await page.hits(), 'track() after the refusal').to.have.length(0);
    await page.load();
    expect(await page.hits(), 'the next page').to.have.length(0);
    page.remove();
  });

  it('after a save with analytics off: no hit on the next page load', async () => {
    const page = visitor();
    await page.load();
    await page.hits();
    page.garde().set({ analytics: false, marketing: true });
    await page.load();
    expect(page.garde().consent!.categories.marketing).to.equal(true);
    expect(await page.hits()).to.have.length(0);
    page.remove();
  });

  it('after a withdrawal: asked again (no decision), but no hit, then or on later page loads', async () => {
    const page = visitor();
    await page.load();
    page.garde().acceptAll();
    await page.load();
    const accepted = await page.hits();
    expect(accepted.map((hit) => hit.consent)).to.deep.equal([false, true]);
    page.garde().withdraw();
    page.garde().track('after-withdrawal');
    expect(await page.hits(), 'track() after the withdrawal').to.have.length(0);
    for (const load of ['next page', 'the one after']) {
      await page.load();
      expect(page.garde().consent, load).to.equal(null);
      expect(await page.hits(), load).to.have.length(0);
    }
    // A new choice ends the silence.
    page.garde().acceptAll();
    await page.load();
    expect((await page.hits()).map((hit) => hit.consent)).to.deep.equal([true]);
    page.remove();
  });

  it('with GPC on a fresh visit: a gpc refusal, and no hit', async () => {
    const page = visitor();
    await page.load({ gpc: true });
    expect(page.garde().consent!.method).to.equal('gpc');
    expect(await page.hits()).to.have.length(0);
    await page.load({ gpc: true });
    expect(await page.hits()).to.have.length(0);
    page.remove();
  });

  it('GPC wins over an older acceptance: recorded as a gpc refusal with a receipt, no hit', async () => {
    const page = visitor();
    await page.load();
    expect(await page.hits()).to.have.length(1);
    page.garde().acceptAll();
    await until(async () => (await page.garde().history()).every((entry) => entry.sent));
    await page.receipts();
    await page.load({ gpc: true });
    const consent: ConsentState = page.garde().consent!;
    expect(consent.method).to.equal('gpc');
    expect(consent.categories.analytics).to.equal(false);
    expect(await page.hits()).to.have.length(0);
    await until(async () => (await page.garde().history()).every((entry) => entry.sent));
    const receipts = await page.receipts();
    expect(receipts.map((receipt) => receipt.method)).to.deep.equal(['gpc']);
    // The next page keeps that refusal without a second receipt.
    await page.load({ gpc: true });
    expect(page.garde().consent!.method).to.equal('gpc');
    await new Promise((done) => setTimeout(done, 300));
    expect(await page.receipts()).to.deep.equal([]);
    page.remove();
  });

  it('an acceptance made while GPC is on is kept on later page loads', async () => {
    const page = visitor();
    await page.load({ gpc: true });
    page.garde().acceptAll();
    await page.load({ gpc: true });
    expect(page.garde().consent!.method).to.equal('accept-all');
    expect((await page.hits()).map((hit) => hit.consent)).to.deep.equal([true]);
    page.remove();
  });
});
