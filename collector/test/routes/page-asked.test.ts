// The page a list endpoint is asked for: defaults, and the refusal of a page larger than the list allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageAsked } from '../../src/routes/page-asked.js';

test('no page asked: the first, of 50', () => {
  assert.deepEqual(pageAsked({}, 500), { page: 1, pageSize: 50 });
  assert.deepEqual(pageAsked({ page: '', pageSize: '' }, 500), { page: 1, pageSize: 50 });
});

test('the page and size asked, leading zeros read as the schema lets them through', () => {
  assert.deepEqual(pageAsked({ page: '007', pageSize: '200' }, 200), { page: 7, pageSize: 200 });
});

test("a size over the list's largest page is refused with a message naming it", () => {
  assert.deepEqual(pageAsked({ page: '2', pageSize: '201' }, 200), {
    page: 2,
    pageSize: 201,
    error: 'pageSize must be at most 200',
  });
});
