// The reduced path in its plain form: decoded, but for the escapes that would change the path or that a
// database refuses; invalid UTF-8 left as it came.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reducePath } from 'garde/minimise';
import { plainPath } from '../../src/http/plain-path.js';

describe('plainPath', () => {
  it('decodes what reducePath percent-encoded: the path as the visitor read it', () => {
    const reduced = reducePath('/fr/été/über uns/日本');
    assert.equal(reduced, '/fr/%C3%A9t%C3%A9/%C3%BCber%20uns/%E6%97%A5%E6%9C%AC');
    assert.equal(plainPath(reduced), '/fr/été/über uns/日本');
    assert.ok(Buffer.byteLength(plainPath(reduced)) < Buffer.byteLength(reduced));
  });

  it('keeps escaped what would change the path, and control characters', () => {
    assert.equal(plainPath('/a%2Fb/c%3Fd%23e%25f'), '/a%2Fb/c%3Fd%23e%25f');
    assert.equal(plainPath('/x%00y%0A%7F'), '/x%00y%0A%7F');
    assert.equal(plainPath('/caf%C3%A9%2F'), '/café%2F');
  });

  it('leaves invalid UTF-8 and the query string as they came', () => {
    assert.equal(plainPath('/bad%C3/ok%C3%A9'), '/bad%C3/oké');
    assert.equal(plainPath('/fr/%C3%A9?utm_source=a%20b'), '/fr/é?utm_source=a%20b');
    assert.equal(plainPath('/'), '/');
  });
});
