// init() outside a browser (a server render, a build, a test in Node): an inert instance, as
// docs/api.md promises ("never throws"), that reads, writes and sends nothing.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { init as Init } from '../../src/core/init-anywhere.js';

let init: typeof Init;
before(async () => {
  // The build puts garde's version in place of this name (src/core/version.ts).
  (globalThis as { __GARDE_VERSION__?: string }).__GARDE_VERSION__ = '0.0.0-test';
  ({ init } = await import('../../src/core/init-anywhere.js'));
});

const config = {
  policy: { url: '/p', version: '2026-01' },
  categories: { analytics: {} },
  recordEndpoint: '/consent',
  analytics: { autoPageview: true },
};

test('returns an inert instance with the validated config, and never throws', async (t) => {
  const fetched = t.mock.method(globalThis, 'fetch');
  const g = init(config);
  assert.equal(g.config.policy.version, '2026-01');
  assert.equal(g.consent, null);
  assert.equal(g.allowed('necessary'), true);
  assert.equal(g.allowed('analytics'), false);
  await g.ready;
  assert.deepEqual(await g.history(), []);
  g.track('pageview');
  g.showPreferences();
  g.destroy();
  assert.equal(fetched.mock.callCount(), 0);
});

test('a bad config too', (t) => {
  t.mock.method(console, 'error', () => {});
  for (const input of [undefined, null, 42, { policy: 7 }])
    assert.equal(init(input).config.policy.version, '');
});
