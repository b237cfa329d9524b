import { expect, waitUntil } from '@open-wc/testing';
import { readCookie, writeCookie } from '../../src/core/cookie.js';
import { clearCookies } from './helpers.js';

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
});
