// anonymiseIp in Chromium (ipaddr.js through the CommonJS plugin); ip.node.test.ts runs it in Node.
import { expect } from '@open-wc/testing';
import { anonymiseIp } from '../../src/minimise/ip.js';
import { IP_CASES } from './ip-cases.js';

describe('anonymiseIp', () => {
  for (const c of IP_CASES) {
    it(`${JSON.stringify(c.ip)}${c.options ? ' ' + JSON.stringify(c.options) : ''} → ${c.expected}${c.note ? ` (${c.note})` : ''}`, () => {
      expect(anonymiseIp(c.ip, c.options)).to.equal(c.expected);
    });
  }

  it('throws a clear RangeError for out-of-range options', () => {
    expect(() => anonymiseIp('1.2.3.4', { v4Bits: 40 })).to.throw(RangeError, /v4Bits/);
  });
});
