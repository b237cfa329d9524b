// looksPersonal and sanitiseProps in Chromium (the drop-in's runtime); personal.node.test.ts runs the same table in Node.
import { expect } from '@open-wc/testing';
import { looksPersonal, sanitiseProps } from '../../src/minimise/personal.js';
import { PERSONAL_CASES } from './personal-cases.js';
import { PROPS_CASES } from './props-cases.js';

describe('looksPersonal and sanitiseProps', () => {
  for (const c of PERSONAL_CASES) {
    it(`looksPersonal(${JSON.stringify(c.value)}) is ${c.personal}${c.note ? ` (${c.note})` : ''}`, () => {
      expect(looksPersonal(c.value)).to.equal(c.personal);
    });
  }
  for (const c of PROPS_CASES) {
    it(`sanitiseProps: ${c.name}`, () => {
      const dropped: string[] = [];
      expect(sanitiseProps(c.props, (k) => dropped.push(k))).to.deep.equal(c.expected);
      expect(dropped).to.deep.equal(c.dropped);
    });
  }
});
