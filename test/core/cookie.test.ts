import { expect, waitUntil } from '@open-wc/testing';
import { readCookie, writeCookie } from '../../src/core/cookie.js';
import { clearCookies, config, reset, start } from './helpers.js';

/** Opens a fixture page on another host name (mapped to this machine) and waits for its report. */
function openOn<T>(host: string, path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const w = window.open(`http://${host}:${location.port}${path}`);
    if (!w) return reject(new Error('popup blocked'));
    const t = setTimeout(() => reject(new Error(`no report from ${host}`)), 8000);
    addEventListener('message', function on(e) {
      if (e.source !== w) return;
      removeEventListener('message', on);
      clearTimeout(t);
      w.close();
      resolve(e.data as T);
    });
  });
}

describe('cookie', () => {
  beforeEach(clearCookies);
  after(clearCookies);

  it('reads the exact name, not a prefix or suffix', () => {
    document.cookie = 'garde_consent_old=old;path=/';
    document.cookie = 'x_garde_consent=x;path=/';
    expect(readCookie('garde_consent')).to.equal(undefined);
    document.cookie = 'garde_consent=1.abc;path=/';
    expect(readCookie('garde_consent')).to.equal('1.abc');
  });

  it('writes path=/, SameSite=Lax, max-age of cookie.days, no Secure on http', async () => {
    writeCookie({ name: 'garde_t', days: 30 }, 'v');
    // document.cookie writes reach the browser's cookie store asynchronously: under load the
    // cookieStore API can be asked before the write has landed.
    await waitUntil(
      async () => (await cookieStore.get('garde_t')) !== null,
      'the cookie was not written',
      {
        timeout: 5000,
      },
    );
    const c = (await cookieStore.get('garde_t')) as unknown as {
      value: string;
      path: string;
      sameSite: string;
      expires: number;
      secure: boolean;
    };
    expect(c.value).to.equal('v');
    expect(c.path).to.equal('/');
    expect(c.sameSite).to.equal('lax');
    expect(c.expires).to.be.closeTo(Date.now() + 30 * 864e5, 5000);
  });

  it('with cookie.domain, a decision made on www.garde.test holds on garde.test, and a withdrawal there clears it for both', async () => {
    type Report = { host: string; method: string | null; id: string | null };
    const made = await openOn<Report>('www.garde.test', '/test/fixtures/cookie-domain.html?accept');
    expect(made).to.include({ host: 'www.garde.test', method: 'accept-all' });
    const parentSees = await openOn<Report>('garde.test', '/test/fixtures/cookie-domain.html?read');
    expect(parentSees).to.deep.equal({ host: 'garde.test', method: 'accept-all', id: made.id });
    await openOn<Report>('garde.test', '/test/fixtures/cookie-domain.html?withdraw');
    const after = await openOn<Report>('www.garde.test', '/test/fixtures/cookie-domain.html?read');
    expect(after).to.deep.equal({ host: 'www.garde.test', method: null, id: null });
  });

  it('a refusal holds on the next page when an older copy of the cookie is there (the site has since set cookie.domain)', async () => {
    type Report = { host: string; method: string | null };
    // A host whose parent (moved.fresh.test) no other test reaches: the first visits on
    // *.fresh.test (history.test.ts) must find no cookie.
    const page = (query: string) =>
      openOn<Report>('www.moved.fresh.test', `/test/fixtures/cookie-domain.html?${query}`);
    // The site before it shared its cookie: an acceptance in a cookie of this host only.
    expect(await page('accept&host-only')).to.include({ method: 'accept-all' });
    // With cookie.domain = moved.fresh.test: the acceptance is still read, and the visitor refuses.
    expect(await page('read')).to.include({ method: 'accept-all' });
    expect(await page('reject')).to.include({ method: 'reject-all' });
    // The next page reads the refusal, not the acceptance the older copy still held.
    expect(await page('read')).to.include({ method: 'reject-all' });
    expect(
      await openOn<Report>('shop.moved.fresh.test', '/test/fixtures/cookie-domain.html?read'),
    ).to.include({ method: 'reject-all' });
  });

  it('a refusal the browser cannot store (a value over its 4 KB limit) does not leave the acceptance before it', async () => {
    await reset();
    start(config()).acceptAll();
    // Services added since, with long names: the refusal's list of known services is too long
    // for a cookie, and the browser ignores the write.
    const many = Object.fromEntries(
      Array.from({ length: 70 }, (_, i) => [
        `service-${i}-${'x'.repeat(50)}`,
        { category: 'analytics' },
      ]),
    );
    const grown = config({ services: { ...config().services, ...many } });
    const page = start(grown);
    expect(page.consent!.method).to.equal('accept-all');
    page.rejectAll();
    expect(page.allowed('matomo')).to.be.false;
    // The next page does not find the acceptance again: with no cookie it asks again.
    const next = start(grown);
    expect(next.allowed('matomo')).to.be.false;
    expect(next.consent).to.equal(null);
    await reset();
  });
});
