// What each source module costs in a built IIFE (dist/garde.js by default), from its source map:
// every generated character is given to the source its mapping names, and each module's share is
// gzipped alone (so the figures add up to more than the file: gzip shares a dictionary across them).
// Usage: node scripts/size-breakdown.mjs [dist/garde.js]
import { readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const file = process.argv[2] ?? 'dist/garde.js';
const code = readFileSync(file, 'utf8');
const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
const lines = code.split('\n');
const lineStarts = [];
let offset = 0;
for (const line of lines) {
  lineStarts.push(offset);
  offset += line.length + 1;
}
const owner = new Array(code.length).fill('(unmapped)');
const mappings = [];
map.eachMapping((m) => mappings.push(m));
mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
for (let i = 0; i < mappings.length; i++) {
  const m = mappings[i];
  const next = mappings[i + 1];
  const start = lineStarts[m.generatedLine - 1] + m.generatedColumn;
  const end =
    next && next.generatedLine === m.generatedLine
      ? lineStarts[next.generatedLine - 1] + next.generatedColumn
      : lineStarts[m.generatedLine - 1] + lines[m.generatedLine - 1].length;
  const source = m.source ? m.source.replace(/^.*?(node_modules|src)\//, '$1/') : '(unmapped)';
  for (let c = start; c < end; c++) owner[c] = source;
}
const parts = new Map();
for (let c = 0; c < code.length; c++) parts.set(owner[c], (parts.get(owner[c]) ?? '') + code[c]);
const gz = (text) => gzipSync(text, { level: constants.Z_BEST_COMPRESSION }).length;
const rows = [...parts].map(([source, text]) => [source, text.length, gz(text)]);
rows.sort((a, b) => b[2] - a[2]);
const group = (pattern) =>
  rows
    .filter(([s]) => pattern.test(s))
    .reduce((sum, [, raw, g]) => [sum[0] + raw, sum[1] + g], [0, 0]);
console.log(`${file}: ${code.length} B raw, ${gz(code)} B gzip -9 (zlib)`);
for (const [source, raw, g] of rows)
  console.log(`${String(g).padStart(6)} ${String(raw).padStart(7)}  ${source}`);
for (const [name, pattern] of [
  ['lit-html', /node_modules\/lit/],
  ['idb-keyval', /idb-keyval/],
  ['src/core', /^src\/core/],
  ['src/components', /^src\/components/],
  ['src/i18n', /^src\/i18n/],
])
  console.log(`group ${name}: ${group(pattern)[1]} B gzip alone, ${group(pattern)[0]} raw`);
