// How the audit judges what it saw against the page's garde config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Declarations, globMatch } from '../src/declared.js';

test('globMatch matches whole names with * only', () => {
  assert.ok(globMatch('_pk_id.*', '_pk_id.1.a1b2'));
  assert.ok(globMatch('_ga', '_ga'));
  assert.ok(!globMatch('_ga', '_gat'));
  assert.ok(!globMatch('_pk_id.*', 'x_pk_id.1'));
  assert.ok(globMatch('a+b(c)*', 'a+b(c)d'), 'regex characters are literal');
});

const PAGE = 'https://www.example.be/fr/';
const decl = new Declarations(
  {
    lang: 'fr',
    config: {
      policy: { url: '/fr/vie-privee', version: '1' },
      cookie: { name: 'consent' },
      services: {
        matomo: {
          category: 'analytics',
          cookies: ['_pk_id.*', { name: '_pk_ses.*' }],
          storage: ['_pk_*'],
        },
        video: { category: 'marketing' },
        session: { category: 'necessary', cookies: ['PHPSESSID'] },
      },
      recordEndpoint: '/consent',
      analyticsEndpoint: 'https://stats.example.be/collect',
    },
    gated: [
      { url: 'https://www.example.be/js/matomo.js', category: 'analytics', service: 'matomo' },
      { url: 'https://video.example/embed/42', category: 'marketing', service: 'video' },
    ],
  },
  PAGE,
).forPage(PAGE);

test("cookies: garde's own is necessary, service patterns give their category, the rest is undeclared", () => {
  assert.deepEqual(decl.judge({ kind: 'cookie', name: 'consent', where: 'www.example.be' }), {
    declared: true,
    category: 'necessary',
    by: 'garde',
  });
  assert.deepEqual(
    decl.judge({ kind: 'cookie', name: 'garde_consent', where: 'www.example.be' }),
    { declared: false },
    'the configured name, not the default',
  );
  assert.deepEqual(decl.judge({ kind: 'cookie', name: '_pk_ses.1.ab', where: '.example.be' }), {
    declared: true,
    category: 'analytics',
    by: 'service matomo',
  });
  assert.deepEqual(decl.judge({ kind: 'cookie', name: 'PHPSESSID', where: 'www.example.be' }), {
    declared: true,
    category: 'necessary',
    by: 'service session',
  });
  assert.deepEqual(decl.judge({ kind: 'cookie', name: '_ga', where: '.example.be' }), {
    declared: false,
  });
});

test('storage and databases', () => {
  assert.deepEqual(decl.judge({ kind: 'localStorage', name: '_pk_visitor', where: PAGE }), {
    declared: true,
    category: 'analytics',
    by: 'service matomo',
  });
  assert.deepEqual(decl.judge({ kind: 'sessionStorage', name: 'garde.sid', where: PAGE }), {
    declared: true,
    category: 'analytics',
    by: 'garde analytics',
  });
  // A receipt the drop-in keeps until it is sent: necessary, whatever the decision.
  assert.deepEqual(
    decl.judge({
      kind: 'localStorage',
      name: 'garde.receipt.0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
      where: PAGE,
    }),
    { declared: true, category: 'necessary', by: 'garde' },
  );
  assert.deepEqual(decl.judge({ kind: 'localStorage', name: 'ajs_user_id', where: PAGE }), {
    declared: false,
  });
  assert.equal(decl.judge({ kind: 'indexedDB', name: 'garde', where: PAGE }).declared, true);
  assert.deepEqual(decl.judge({ kind: 'indexedDB', name: 'firebase-heartbeat', where: PAGE }), {
    declared: false,
  });
});

test('requests: receipts are necessary, hits analytics; gated sources, their frames, scripts and hosts give the category', () => {
  const req = (name: string, extra: object = {}) =>
    decl.judge({ kind: 'request', name, where: new URL(name).host, ...extra });
  // garde's record-keeping file, which sends the receipts.
  assert.deepEqual(req('https://www.example.be/js/garde-records.js'), {
    declared: true,
    category: 'necessary',
    by: 'garde',
  });
  // The same file in one language, which a per-language drop-in (garde.fr.js) loads.
  assert.deepEqual(req('https://www.example.be/js/garde-records.fr.js?v=2'), {
    declared: true,
    category: 'necessary',
    by: 'garde',
  });
  assert.deepEqual(req('https://www.example.be/consent'), {
    declared: true,
    category: 'necessary',
    by: 'garde endpoint',
  });
  // garde's own hit measures the audience: analytics, never necessary, even when anonymous.
  assert.deepEqual(req('https://stats.example.be/collect'), {
    declared: true,
    category: 'analytics',
    by: 'garde analytics',
  });
  assert.ok(decl.isAnalyticsHit('https://stats.example.be/collect?x=1'));
  assert.ok(!decl.isAnalyticsHit('https://www.example.be/consent'));
  assert.deepEqual(req('https://www.example.be/js/matomo.js'), {
    declared: true,
    category: 'analytics',
    by: 'service matomo',
  });
  assert.deepEqual(
    req('https://www.example.be/matomo.php', {
      initiators: ['https://www.example.be/js/matomo.js'],
    }),
    { declared: true, category: 'analytics', by: 'service matomo' },
  );
  assert.deepEqual(
    req('https://cdn.video.example/player.js', {
      frameUrl: 'https://video.example/embed/42?autoplay=0',
    }),
    { declared: true, category: 'marketing', by: 'service video' },
  );
  assert.deepEqual(req('https://video.example/thumb.jpg'), {
    declared: true,
    category: 'marketing',
    by: 'service video',
  });
  assert.deepEqual(
    req('https://www.example.be/api/search'),
    { declared: false },
    "the page's own host says nothing by itself",
  );
  assert.deepEqual(req('https://connect.facebook.net/en_US/fbevents.js'), { declared: false });
  assert.equal(decl.isGatedFirstParty('https://www.example.be/js/matomo.js?v=2'), true);
  assert.equal(decl.isGatedFirstParty('https://www.example.be/js/app.js'), false);
});

test("a page without a config declares only garde's defaults", () => {
  const bare = new Declarations({ lang: '', config: null, gated: [] }, PAGE).forPage(PAGE);
  assert.equal(bare.cookieName, 'garde_consent');
  assert.deepEqual(bare.judge({ kind: 'cookie', name: '_pk_id.1', where: 'x' }), {
    declared: false,
  });
});
