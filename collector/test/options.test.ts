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
        '--rate-limit',
        '0',
      ],
      {
        GARDE_ADMIN_TOKEN: ' s3cret ',
        DATABASE_URL: 'postgres://u:p@db/garde',
        GARDE_ORIGINS: 'https://www.inami.fgov.be',
      },
    );
    assert.equal(o.port, 9000);
    assert.deepEqual(o.origins, ['https://www.inami.fgov.be', 'https://www.riziv.fgov.be']);
    assert.deepEqual(o.staticDirs, [resolve('demo'), resolve('dist')]);
    assert.equal(o.retentionHitsDays, 400);
    assert.equal(o.trustProxy, true);
    assert.equal(o.rateLimit, 0);
    assert.equal(o.adminToken, 's3cret');
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
  ] as Array<[string[], RegExp]>) {
    it(`refuses ${argv.join(' ')}`, () => {
      assert.throws(
        () => parseOptions(argv, {}),
        (e: unknown) => e instanceof OptionsError && message.test(e.message),
      );
    });
  }
});
