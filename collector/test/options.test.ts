// Flags and environment as an operator types them, and the errors they get for mistakes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { OptionsError, parseOptions } from '../src/options.js';

describe('options', () => {
  it('has the documented defaults', () => {
    const o = parseOptions([], {});
    assert.equal(o.port, 8787);
    assert.equal(o.host, '127.0.0.1');
    assert.equal(o.db, resolve('data/garde.sqlite'));
    assert.equal(o.databaseUrl, null);
    assert.equal(o.adminToken, null);
    assert.deepEqual(o.origins, []);
    assert.equal(o.retentionRecordsDays, 1826);
    assert.equal(o.retentionHitsDays, 762);
    assert.equal(o.sqliteSync, 'normal');
    assert.equal(o.trustProxy, false);
    assert.equal(o.requestTimeoutMs, 10_000);
  });

  it('takes --trust-proxy as a hop count or a list of proxy addresses and CIDRs', () => {
    assert.equal(parseOptions(['--trust-proxy', '1'], {}).trustProxy, 1);
    assert.deepEqual(parseOptions(['--trust-proxy=10.0.0.1, 192.168.0.0/16,::1'], {}).trustProxy, [
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
    ]);
    assert.deepEqual(parseOptions([], { GARDE_TRUST_PROXY: '2001:db8::/32' }).trustProxy, [
      '2001:db8::/32',
    ]);
  });

  it('refuses an admin token that is short or holds whitespace, saying why', () => {
    for (const [token, message] of [
      ['s3cret', /at least 32 characters \(got 6\)/],
      ['x'.repeat(31), /at least 32/],
      [`${'x'.repeat(32)} `, /spaces/],
      [`${'x'.repeat(20)}\n${'x'.repeat(20)}`, /spaces or line breaks/],
    ] as Array<[string, RegExp]>) {
      assert.throws(
        () => parseOptions([], { GARDE_ADMIN_TOKEN: token }),
        (e: unknown) => e instanceof OptionsError && message.test(e.message),
        JSON.stringify(token),
      );
    }
    assert.equal(
      parseOptions([], { GARDE_ADMIN_TOKEN: 'x'.repeat(32) }).adminToken,
      'x'.repeat(32),
    );
  });

  it('reads flags, repeated flags, = forms and the environment', () => {
    const o = parseOptions(
      [
        '--port',
        '9000',
        '--origin',
        'https://www.inami.fgov.be/',
        '--origin=https://www.riziv.fgov.be',
        '--static',
        'demo',
        '--static=dist',
        '--retention-hits-days',
        '400',
        '--trust-proxy',
        '2',
        '--request-timeout=5',
        '--rate-limit',
        '0',
      ],
      {
        GARDE_ADMIN_TOKEN: 'Zm9vYmFyYmF6cXV4MDEyMzQ1Njc4OWFiY2Rl',
        DATABASE_URL: 'postgres://u:p@db/garde',
        GARDE_ORIGINS: 'https://www.inami.fgov.be',
      },
    );
    assert.equal(o.port, 9000);
    assert.deepEqual(o.origins, ['https://www.inami.fgov.be', 'https://www.riziv.fgov.be']);
    assert.deepEqual(o.staticDirs, [resolve('demo'), resolve('dist')]);
    assert.equal(o.retentionHitsDays, 400);
    assert.equal(o.trustProxy, 2);
    assert.equal(o.requestTimeoutMs, 5000);
    assert.equal(o.rateLimit, 0);
    assert.equal(o.adminToken, 'Zm9vYmFyYmF6cXV4MDEyMzQ1Njc4OWFiY2Rl');
    assert.equal(o.databaseUrl, 'postgres://u:p@db/garde');
  });

  for (const [argv, message] of [
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port/],
    [['--port'], /--port needs a value/],
    [['--port', '--host'], /--port needs a value/],
    [['--nope'], /unknown option --nope/],
    [['stray'], /unexpected argument/],
    [['--origin', 'www.example.be'], /--origin "www.example.be" is not a URL/],
    [['--origin', 'ftp://x.be'], /http or https/],
    [['--retention-records-days', '0'], /retention-records-days/],
    [['--sqlite-sync', 'off'], /normal or full/],
    [['--help=yes'], /takes no value/],
    [['--database-url', 'mysql://x'], /postgres/],
    [['-p', '80'], /unknown option -p/],
    [['--port', '1', '--port', '2'], /--port given more than once/],
    [['--trust-proxy'], /--trust-proxy needs a value/],
    [['--trust-proxy', 'yes'], /hop count or proxy addresses/],
    [['--trust-proxy', '10.0.0.0/33'], /hop count or proxy addresses/],
    [['--trust-proxy', '0'], /--trust-proxy must be a whole number from 1/],
    [['--request-timeout', '0'], /--request-timeout/],
  ] as Array<[string[], RegExp]>) {
    it(`refuses ${argv.join(' ')}`, () => {
      assert.throws(
        () => parseOptions(argv, {}),
        (e: unknown) => e instanceof OptionsError && message.test(e.message),
      );
    });
  }
});
