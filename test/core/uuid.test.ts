import { expect } from '@open-wc/testing';
import { uuid } from '../../src/core/uuid.js';

describe('uuid', () => {
  it('makes random v4 UUIDs', () => {
    const ids = Array.from({ length: 200 }, uuid);
    for (const id of ids)
      expect(id).to.match(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(new Set(ids).size).to.equal(200);
  });

  it('does not need crypto.randomUUID (absent on plain http pages)', () => {
    const saved = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(uuid()).to.have.length(36);
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', saved);
    }
  });
});
