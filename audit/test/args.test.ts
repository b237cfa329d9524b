// The CLI's arguments: every option, and a message naming what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../src/args.js';

test('parseArgs reads every option and keeps the defaults otherwise', () => {
  const o = parseArgs([
    'https://example.be/fr/',
    '--pages',
    '3',
    '--lang',
    'fr,NL',
    '--json',
    '--timeout=9000',
    '--strict',
  ]);
  assert.equal(o.url, 'https://example.be/fr/');
  assert.equal(o.pages, 3);
  assert.deepEqual(o.langs, ['fr', 'nl']);
  assert.equal(o.json, true);
  assert.equal(o.timeout, 9000);
  assert.equal(o.strict, true);
  assert.equal(parseArgs(['http://x.test']).strict, false);
  assert.equal(parseArgs(['http://x.test']).json, false);
  assert.equal(parseArgs(['--pages=2', 'http://x.test']).pages, 2, 'options before the URL');
  assert.deepEqual(o.states, ['fresh', 'refused', 'accepted', 'withdrawn']);
  assert.deepEqual(parseArgs(['http://x.test', '--states', 'fresh,gpc']).states, ['fresh', 'gpc']);
});

test('parseArgs names what is wrong', () => {
  for (const [argv, message] of [
    [[], /URL is required/],
    [['ftp://x.test'], /only http/],
    [['not a url'], /not a URL/],
    [['http://x.test', '--pages', '0'], /--pages/],
    [['http://x.test', '--pages'], /--pages needs a value/],
    [['http://x.test', '--frobnicate'], /^Error: unknown option --frobnicate$/],
    [['http://x.test', '-x'], /^Error: unknown option -x$/],
    [['http://x.test', '--pages', '--json'], /--pages needs a value/],
    [['http://x.test', '--json=yes'], /--json takes no value/],
    [['http://x.test', '--strict=1'], /--strict takes no value/],
    [['http://x.test', '--timeout', '50'], /--timeout must be/],
    [['http://x.test', '--lang', ','], /--lang needs at least one language/],
    [['http://x.test', '--states', 'fresh,sleepy'], /unknown state.*sleepy/],
    [['http://x.test', 'http://y.test'], /one URL only/],
  ] as const) {
    assert.throws(() => parseArgs([...argv]), message as RegExp, String(argv));
  }
});

test('--help and -h ask for the usage text, which documents every option', async () => {
  assert.throws(() => parseArgs(['--help']), /^Error: help$/);
  assert.throws(() => parseArgs(['-h', 'http://x.test']), /^Error: help$/);
  const { USAGE } = await import('../src/args.js');
  for (const option of [
    '--pages',
    '--lang',
    '--json',
    '--timeout',
    '--states',
    '--strict',
    '--help',
  ])
    assert.ok(USAGE.includes(option), option);
});
