// The drop-in's tracker (tracker.script.ts): the hits are sent by dist/garde-analytics.js, loaded
// at the first hit to send, with garde.js's nonce; never after a refusal, never without an endpoint.
import { expect } from '@open-wc/testing';
import type { Garde } from '../../src/core/types.js';
import { clearCookies, closeFixtures, openFixture, until } from './helpers.js';

type Page = Window & { garde: Garde };
const open = (fixture: string) =>
  openFixture<Page>(fixture, (page) =>
    page.document?.querySelector('garde-banner')?.shadowRoot?.querySelector('p'),
  );

const analyticsScripts = (page: Page) =>
  [...page.document.scripts].filter((script) => script.src.endsWith('/dist/garde-analytics.js'));

const hits = async (): Promise<Array<{ name: string; consent: boolean }>> =>
  (await (await fetch('/__beacons/dropin-analytics')).json()).map((record: { body: string }) =>
    JSON.parse(record.body),
  );

describe('dist/garde.js: analytics from dist/garde-analytics.js', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    closeFixtures();
    clearCookies();
  });

  it('sends the pageview through garde-analytics.js, then nothing after a refusal', async () => {
    await hits();
    const page = await open('dropin-analytics.html');
    let received = await hits();
    for (let tries = 0; !received.length && tries < 250; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      received = await hits();
    }
    expect(received.map((hit) => [hit.name, hit.consent])).to.deep.equal([['pageview', false]]);
    const [script, ...more] = analyticsScripts(page);
    expect(more).to.have.length(0);
    expect(script!.nonce).to.equal('t3st');

    // After "Reject all", a hit is silent: no request at all.
    page.document
      .querySelector('garde-banner')!
      .shadowRoot!.querySelector<HTMLElement>('[part~=reject]')!
      .click();
    await until(() => page.garde.consent);
    page.garde.track('later');
    // A hit made before the refusal would have been sent by now: the pageview was, above.
    await page.garde.ready;
    expect(await hits()).to.deep.equal([]);
  });

  it('a page without analyticsEndpoint never loads garde-analytics.js', async () => {
    const page = await open('dropin.html');
    page.garde.track('event');
    await page.garde.ready;
    expect(analyticsScripts(page)).to.have.length(0);
  });
});
