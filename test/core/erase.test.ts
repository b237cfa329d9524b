import { expect } from '@open-wc/testing';
import { eraseCookies, eraseRefused, eraseStorage, cookieNames } from '../../src/core/erase.js';
import { validateConfig } from '../../src/core/config.js';
import { clearCookies } from './helpers.js';

/** Opens the fixture at www.garde.test (mapped to this machine) and waits for its report. */
function onSubdomain(
  action: string,
): Promise<{ host: string; before: string[]; accepted: string[]; after: string[] }> {
  return new Promise((resolve, reject) => {
    const w = window.open(
      `http://www.garde.test:${location.port}/test/fixtures/erase-domains.html?${action}`,
    );
    if (!w) return reject(new Error('popup blocked'));
    const t = setTimeout(() => reject(new Error('no report from www.garde.test')), 8000);
    addEventListener('message', function on(e) {
      if (e.source !== w) return;
      removeEventListener('message', on);
      clearTimeout(t);
      w.close();
      resolve(e.data);
    });
  });
}

const MATOMO = [
  '_pk_id.dotparent',
  '_pk_id.host',
  '_pk_id.parent',
  '_pk_ses.dir',
  '_pk_ses.hostdot',
  '_pk_ses.parentdir',
];

describe('erase', () => {
  beforeEach(() => {
    clearCookies();
    localStorage.clear();
    sessionStorage.clear();
  });

  for (const action of ['reject', 'withdraw'])
    it(`${action}: deletes declared cookies set on the host and on the parent domain, on every path`, async () => {
      const r = await onSubdomain(action);
      expect(r.host).to.equal('www.garde.test');
      expect(r.before).to.include.members([...MATOMO, 'unrelated']);
      // Accepting erases nothing.
      expect(r.accepted).to.include.members(MATOMO);
      for (const n of MATOMO) expect(r.after, n).to.not.include(n);
      expect(r.after).to.include('unrelated');
    });

  it('matches glob patterns and leaves other cookies alone', () => {
    document.cookie = '_ga=1;path=/';
    document.cookie = '_ga_ABC123=1;path=/';
    document.cookie = `_gid=1;path=${location.pathname}`;
    document.cookie = 'garde_consent=keep;path=/';
    document.cookie = 'x_ga=1;path=/';
    eraseCookies(['_ga', '_ga_*', '_gid']);
    expect(cookieNames()).to.deep.equal(['garde_consent', 'x_ga']);
    clearCookies();
  });

  it('treats regular-expression characters in patterns literally', () => {
    document.cookie = '_pk_id.1.abcd=1;path=/';
    document.cookie = '_pk_idX1=1;path=/';
    eraseCookies(['_pk_id.1.*']);
    expect(cookieNames()).to.deep.equal(['_pk_idX1']);
    clearCookies();
  });

  it('removes matching localStorage and sessionStorage keys only', () => {
    localStorage.setItem('_pk_1', 'a');
    localStorage.setItem('keep', 'b');
    sessionStorage.setItem('_pk_ses', 'c');
    sessionStorage.setItem('yt-player', 'd');
    eraseStorage(['_pk_*', 'yt-*']);
    expect(Object.keys(localStorage)).to.deep.equal(['keep']);
    expect(Object.keys(sessionStorage)).to.deep.equal([]);
  });

  it('a refusal erases described cookies and storage keys as it erases bare names', () => {
    const config = validateConfig({
      policy: { url: '/', version: '1' },
      categories: { analytics: {} },
      services: {
        matomo: {
          category: 'analytics',
          cookies: [{ name: '_pk_id.*', purpose: 'Returning visitor', lifetime: '13 months' }],
          storage: [{ name: '_pk_*', purpose: 'Returning visitor', lifetime: 'Until withdrawn' }],
        },
      },
    });
    document.cookie = '_pk_id.1=x;path=/';
    document.cookie = 'other=y;path=/';
    localStorage.setItem('_pk_visitor', 'a');
    localStorage.setItem('keep', 'b');
    eraseRefused(config, null);
    expect(cookieNames()).to.deep.equal(['other']);
    expect(Object.keys(localStorage)).to.deep.equal(['keep']);
  });
});
