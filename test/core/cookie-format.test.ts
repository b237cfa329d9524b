import { expect } from '@open-wc/testing';
import { formatConsentCookie, parseConsentCookie } from '../../src/core/cookie-format.js';
import type { ConsentState } from '../../src/core/types.js';

const state = (over: Partial<ConsentState> = {}): ConsentState => ({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: '2020-12-07',
  decidedAt: '2026-11-28T10:00:00.000Z',
  expiresAt: '2027-05-29T10:00:00.000Z',
  categories: { necessary: true, analytics: true, marketing: false },
  services: { youtube: true, matomo: false },
  method: 'custom',
  ...over,
});

describe('cookie format', () => {
  it('writes the documented compact form (format 3: flags last, `g` when GPC was on)', () => {
    expect(formatConsentCookie(state())).to.equal(
      '3.0f8fad5b-d9cb-469f-a165-70867728950e.2020-12-07.1795860000.c.analytics.youtube.matomo.',
    );
    expect(formatConsentCookie(state({ method: 'accept-all', gpc: true }))).to.match(
      /\.a\.analytics\.youtube\.matomo\.g$/,
    );
    expect(
      formatConsentCookie(
        state({ categories: { necessary: true, a: false }, services: {}, method: 'reject-all' }),
      ),
    ).to.match(/\.r\.\.\.\.$/);
  });

  it('writes and reads the marker a withdrawal leaves: method w, nothing granted', () => {
    const marker = formatConsentCookie({
      version: '2020-12-07',
      decidedAt: '2026-11-28T10:00:00.000Z',
      method: 'withdraw',
      categories: {},
      services: {},
    });
    expect(marker).to.equal('3..2020-12-07.1795860000.w....');
    expect(parseConsentCookie(marker)).to.deep.include({
      method: 'withdraw',
      categories: [],
      gpc: false,
    });
  });

  it('writes a refusal without an id, and reads it back without one', () => {
    const refusal = formatConsentCookie(
      state({ id: undefined, categories: { necessary: true }, services: {}, method: 'reject-all' }),
    );
    expect(refusal).to.equal('3..2020-12-07.1795860000.r....');
    const parsed = parseConsentCookie(refusal)!;
    expect(parsed.id).to.equal(undefined);
    expect(parsed).to.deep.include({ method: 'reject-all', categories: [], gpc: false });
  });

  it('still reads format 2 (always an id), and refuses one without an id', () => {
    const v2 = '2.0f8fad5b-d9cb-469f-a165-70867728950e.2020-12-07.1795860000.r....';
    expect(parseConsentCookie(v2)).to.deep.include({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      method: 'reject-all',
    });
    expect(parseConsentCookie('2..2020-12-07.1795860000.r....')).to.equal(null);
    expect(parseConsentCookie('1..2020-12-07.1795860000.r...')).to.equal(null);
  });

  it('still reads format 1 (no flags): a gpc decision counts as made with GPC on', () => {
    const v1 =
      '1.0f8fad5b-d9cb-469f-a165-70867728950e.2020-12-07.1795860000.c.analytics.youtube.matomo';
    expect(parseConsentCookie(v1)).to.deep.equal({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      version: '2020-12-07',
      decidedAt: 1795860000,
      method: 'custom',
      gpc: false,
      categories: ['analytics'],
      services: { youtube: true, matomo: false },
    });
    expect(parseConsentCookie(v1.replace('.c.', '.g.'))!.gpc).to.equal(true);
  });

  it('reads back what it wrote', () => {
    expect(parseConsentCookie(formatConsentCookie(state()))).to.deep.equal({
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      version: '2020-12-07',
      decidedAt: 1795860000,
      method: 'custom',
      gpc: false,
      categories: ['analytics'],
      services: { youtube: true, matomo: false },
    });
    expect(parseConsentCookie(formatConsentCookie(state({ gpc: true })))!.gpc).to.equal(true);
    for (const method of ['accept-all', 'reject-all', 'custom', 'gpc'] as const)
      expect(parseConsentCookie(formatConsentCookie(state({ method })))!.method).to.equal(method);
  });

  it('writes and reads the services known at the decision (a tenth field); absent in older values', () => {
    const withKnown = formatConsentCookie(state(), ['matomo', 'youtube']);
    expect(withKnown).to.equal(formatConsentCookie(state()) + '.matomo~youtube');
    expect(parseConsentCookie(withKnown)).to.deep.include({
      known: ['matomo', 'youtube'],
      services: { youtube: true, matomo: false },
    });
    // A config without services: the field is there, empty (nothing was known).
    expect(parseConsentCookie(formatConsentCookie(state(), []))!.known).to.deep.equal([]);
    expect(parseConsentCookie(formatConsentCookie(state()))).not.to.have.property('known');
  });

  it('escapes any policy version into URL-safe characters', () => {
    for (const version of [
      'v1.2',
      '2020~12',
      'déc. 2020 (rév. 3)',
      "a!b*c'd",
      '100%',
      'a;b,c=d "e"',
    ]) {
      const v = formatConsentCookie(state({ version }));
      expect(v.split('.')).to.have.length(9);
      // Only URL-safe characters (RFC 3986 unreserved and sub-delimiters), none that a cookie forbids.
      expect(v, version).to.match(/^[\w.~%!*'()-]+$/);
      expect(parseConsentCookie(v)!.version).to.equal(version);
    }
  });

  it('rejects tampered, truncated and unknown-format values without throwing', () => {
    const good = formatConsentCookie(state());
    const bad = [
      '',
      'garbage',
      good.slice(0, -12),
      good.split('.').slice(0, 7).join('.'),
      good + '.matomo.extra',
      good + '.matomo~<b>',
      good + 'x',
      '4' + good.slice(1),
      '0' + good.slice(1),
      good.replace('0f8fad5b', '0f8fad5z'),
      good.replace('-469f-', '-469f0-'), // an id of the wrong length
      good.replace('1795860000', '17962920OO'),
      good.replace('.c.', '.x.'),
      good.replace('.c.', '.cc.'),
      good.replace('2020-12-07', '%E0%A4%A'),
      good.replace('2020-12-07', ''),
      good.replace('.analytics.', '.analytics~<script>.'),
      good.replace('.youtube.', '.youtube~matomo.'),
      '2.0f8fad5b-d9cb-469f-a165-70867728950e.v.1.1795860000.a....', // an unescaped dot in the version
    ];
    for (const v of bad) expect(parseConsentCookie(v), v).to.equal(null);
  });
});
