// referrerDomain in Chromium (the drop-in's runtime); referrer.node.test.ts runs the same table in Node.
import { expect } from '@open-wc/testing';
import { referrerDomain } from '../../src/minimise/referrer.js';
import { REFERRER_CASES } from './referrer-cases.js';

describe('referrerDomain', () => {
  for (const c of REFERRER_CASES) {
    it(`referrerDomain(${JSON.stringify(c.url)}, ${c.pageHost}) → ${c.expected}${c.note ? ` (${c.note})` : ''}`, () => {
      expect(referrerDomain(c.url, c.pageHost)).to.equal(c.expected);
    });
  }
});
