// looksPersonal and sanitiseProps in Node (the collector's runtime); personal.test.ts runs the same table in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksPersonal, sanitiseProps } from '../../src/minimise/personal.js';
import { PERSONAL_CASES } from './personal-cases.js';
import { PROPS_CASES } from './props-cases.js';

for (const c of PERSONAL_CASES) {
  test(`looksPersonal(${JSON.stringify(c.value)}) is ${c.personal}${c.note ? ` (${c.note})` : ''}`, () => {
    assert.equal(looksPersonal(c.value), c.personal);
  });
}
for (const c of PROPS_CASES) {
  test(`sanitiseProps: ${c.name}`, () => {
    const dropped: string[] = [];
    assert.deepEqual(
      sanitiseProps(c.props, (k) => dropped.push(k)),
      c.expected,
    );
    assert.deepEqual(dropped, c.dropped);
  });
}
