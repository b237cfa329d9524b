// The config check in Node, as a site's CI or build runs it: no DOM, no console output, the
// messages returned as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfig, validateConfig } from '../../src/core/config.js';

const good = {
  policy: { url: { fr: '/fr/vie-privee', nl: '/nl/privacy' }, version: '2026-01' },
  categories: { analytics: { label: 'Audience', description: 'Counting visits' } },
  services: { matomo: { category: 'analytics', cookies: ['_pk_id.*'] } },
  cookie: { domain: 'inami.fgov.be' },
  // Without a page, the language is the config's (or English): its texts are the ones checked.
  lang: 'fr',
};

test('there is no DOM here', () => {
  assert.equal(typeof document, 'undefined');
  assert.equal(typeof location, 'undefined');
});

test('a good config: no error, no warning, every default filled in', () => {
  const { config, errors, warnings } = checkConfig(good);
  assert.deepEqual(errors, []);
  assert.deepEqual(warnings, []);
  assert.equal(config.policy.version, '2026-01');
  assert.equal(config.cookie.name, 'garde_consent');
  assert.deepEqual(Object.keys(config.categories), ['necessary', 'analytics']);
  assert.deepEqual(config.services.matomo!.cookies, ['_pk_id.*']);
});

test('a bad config: each error and warning named, as data, with the safe defaults', () => {
  const { config, errors, warnings } = checkConfig({
    policy: { url: '/p' },
    cookie: { days: 9999 },
    services: { youtube: { category: 'marketing' } },
    categorys: {},
  });
  assert.deepEqual(errors, [
    'garde: config.policy.version: expected a text of 1 to 64 characters',
    'garde: config.cookie.days: expected a whole number of days from 1 to 400',
    'garde: config.services.youtube.category: expected a configured category (entry dropped)',
  ]);
  assert.deepEqual(warnings, ['garde: config.categorys is unknown']);
  assert.equal(config.policy.version, '');
  assert.equal(config.cookie.days, 182);
  assert.deepEqual(config.services, {});
});

test('not an object at all: one error, never a throw', () => {
  for (const input of [undefined, null, 'x', 42, []])
    assert.deepEqual(checkConfig(input).errors, ['garde: config: expected an object']);
});

test('validateConfig still logs its messages (checkConfig only collects them)', (t) => {
  const logged: unknown[] = [];
  t.mock.method(console, 'error', (message: unknown) => void logged.push(message));
  t.mock.method(console, 'warn', (message: unknown) => void logged.push(message));
  checkConfig({ policy: {} });
  assert.deepEqual(logged, []);
  validateConfig({ policy: {}, extra: 1 });
  assert.deepEqual(logged, [
    'garde: config.extra is unknown',
    'garde: config.policy.url: expected a text, or an object of fr/nl/de/en texts',
    'garde: config.policy.version: expected a text of 1 to 64 characters',
  ]);
});
