// reducePath in Chromium (the drop-in's runtime); path.node.test.ts runs the same table in Node.
import { expect } from '@open-wc/testing';
import { reducePath } from '../../src/minimise/path.js';
import { PATH_CASES } from './path-cases.js';

describe('reducePath', () => {
  for (const c of PATH_CASES) {
    it(`reducePath(${c.url}) → ${c.expected}${c.note ? ` (${c.note})` : ''}`, () => {
      expect(reducePath(c.url, c.allowlist, c.rules)).to.equal(c.expected);
    });
  }
});
