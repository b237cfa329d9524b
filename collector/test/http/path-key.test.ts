// A hit's path cut to a size every index takes, between characters and never inside a percent-escape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PATH_KEY_BYTES, fitPathKey } from '../../src/http/path-key.js';

describe('fitPathKey', () => {
  it('keeps a path that fits as it is', () => {
    assert.equal(fitPathKey('/fr/themes/'), '/fr/themes/');
    const full = `/${'a'.repeat(MAX_PATH_KEY_BYTES - 1)}`;
    assert.equal(fitPathKey(full), full);
  });

  it('cuts a longer one to at most the limit, with a final …', () => {
    const cut = fitPathKey(`/${'a'.repeat(5000)}`);
    assert.equal(Buffer.byteLength(cut), MAX_PATH_KEY_BYTES);
    assert.ok(cut.endsWith('a…'));
  });

  it('never inside a character or a percent-escape', () => {
    for (let shift = 0; shift < 9; shift++) {
      const encoded = fitPathKey(`/${'x'.repeat(shift)}${'%C3%A9'.repeat(400)}`, 100);
      assert.match(encoded, /^\/x*(%C3%A9|%C3)*…$/);
      assert.ok(Buffer.byteLength(encoded) <= 100);
      const plain = fitPathKey(`/${'x'.repeat(shift)}${'水😀'.repeat(40)}`, 100);
      assert.ok(Buffer.byteLength(plain) <= 100);
      assert.ok(/^\/x*(水|😀)*…$/u.test(plain));
    }
  });
});
