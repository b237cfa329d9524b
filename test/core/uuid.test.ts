import { expect } from '@open-wc/testing';
import { uuid, uuidV7 } from '../../src/core/uuid.js';
import { RECEIPT_ID_PATTERN } from '../../src/wire/constants.js';

const V4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
const V7 = /^[\da-f]{8}-[\da-f]{4}-7[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

/** The Unix time in milliseconds that a v7 id's first 48 bits hold. */
const timeOf = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('uuid', () => {
  it('makes random v4 UUIDs', () => {
    const ids = Array.from({ length: 200 }, uuid);
    for (const id of ids) expect(id).to.match(V4);
    expect(new Set(ids).size).to.equal(200);
  });

  it('does not need crypto.randomUUID (absent on plain http pages)', () => {
    const saved = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(uuid()).to.have.length(36);
      expect(uuidV7()).to.have.length(36);
    } finally {
      Object.defineProperty(Crypto.prototype, 'randomUUID', saved);
    }
  });
});

describe('uuidV7', () => {
  it('writes version 7 and the RFC 9562 variant, in the form the collector accepts', () => {
    const receiptId = new RegExp(RECEIPT_ID_PATTERN);
    for (const id of Array.from({ length: 200 }, () => uuidV7())) {
      expect(id).to.match(V7);
      expect(id).to.match(receiptId);
    }
  });

  it("starts with the clock's time in milliseconds, 48 bits wide", () => {
    const before = Date.now();
    const id = uuidV7();
    const after = Date.now();
    expect(timeOf(id)).to.be.within(before, after);
    // Padded to 48 bits: an early time, and the last millisecond 48 bits can hold.
    expect(uuidV7(1)).to.match(/^00000000-0001-7/);
    expect(uuidV7(2 ** 48 - 1)).to.match(/^ffffffff-ffff-7/);
    expect(timeOf(uuidV7(1_764_892_800_123))).to.equal(1_764_892_800_123);
  });

  it('sorts ids of different milliseconds by time, as text', () => {
    const ids = [1_764_892_800_000, 1_764_892_800_001, 1_764_892_801_000, 2_000_000_000_000].map(
      (ms) => uuidV7(ms),
    );
    expect([...ids].sort()).to.deep.equal(ids);
  });

  it('is random after the time: no two equal in 10,000, even within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidV7(1_764_892_800_000));
    expect(new Set(ids).size).to.equal(10_000);
  });
});
