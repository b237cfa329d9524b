// The drop-in's outbox in localStorage (local-outbox.ts): one key per receipt, values that are not
// receipts read safely, and the outbox store history.ts sends from, written key by key.
import { expect } from '@open-wc/testing';
import {
  keepReceipt,
  keptReceipts,
  localOutbox,
  RECEIPT_KEY,
} from '../../src/core/local-outbox.js';
import type { Receipt } from '../../src/core/types.js';
import { reset } from './helpers.js';

const receipt = (receiptId: string, extra: object = {}) =>
  ({ receiptId, id: 'x', ts: new Date().toISOString(), ...extra }) as unknown as Receipt;

describe('the localStorage outbox', () => {
  beforeEach(reset);
  after(reset);

  it('keeps each receipt under its own key, and reads them back by receiptId', () => {
    expect(keepReceipt('a', { ...receipt('a'), logged: true })).to.be.true;
    expect(keepReceipt('b', receipt('b'))).to.be.true;
    expect(Object.keys(localStorage).sort()).to.deep.equal([`${RECEIPT_KEY}a`, `${RECEIPT_KEY}b`]);
    expect(keptReceipts()).to.deep.equal({
      a: { ...receipt('a'), ts: keptReceipts().a!.ts, logged: true },
      b: { ...receipt('b'), ts: keptReceipts().b!.ts },
    });
    expect(keepReceipt('a', undefined)).to.be.true;
    expect(Object.keys(keptReceipts())).to.deep.equal(['b']);
  });

  it('reads a value that is not a receipt as an empty one, and leaves other keys alone', () => {
    localStorage.setItem(`${RECEIPT_KEY}broken`, '{not json');
    localStorage.setItem(`${RECEIPT_KEY}nothing`, 'null');
    localStorage.setItem('someone.else', '{"receiptId":"c"}');
    expect(keptReceipts()).to.deep.equal({ broken: {}, nothing: {} });
  });

  it('the outbox holds only the receipts taken over (without `logged`), and is written key by key', async () => {
    keepReceipt('new', { ...receipt('new'), logged: false });
    keepReceipt('ready', receipt('ready'));
    expect(Object.keys((await localOutbox.read())!)).to.deep.equal(['ready']);
    // A change adds or removes one receipt; the others' keys are left as they are.
    expect(
      await localOutbox.update(({ ready: _sent, ...rest } = {}) => ({
        ...rest,
        other: receipt('other'),
      })),
    ).to.be.true;
    expect(Object.keys(keptReceipts()).sort()).to.deep.equal(['new', 'other']);
    expect(keptReceipts().new).to.have.property('logged', false);
  });
});
