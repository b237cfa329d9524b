// `npm test`: the Node tests, then the browser tests in Chromium, then one closing line
// `N passed, N failed` for both (neither runner prints such a line alone).
import { spawn } from 'node:child_process';

// eslint-disable-next-line no-control-regex -- ANSI escapes from the runners' coloured output
const strip = (s) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function run(command, args, parse) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let text = '';
    const onData = (stream) => (chunk) => {
      stream.write(chunk);
      text += chunk.toString();
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, ...parse(strip(text)) }));
  });
}

const lastNumber = (text, re) => {
  const all = [...text.matchAll(re)];
  return all.length ? Number(all[all.length - 1][1]) : 0;
};

/**
 * The failure reports of a runner's output: each line with `marker` and the lines after it (the
 * assertion and where it failed), preceded by the last test file named before it.
 */
function failureBlocks(text, marker, fileLine) {
  const lines = text.split('\n');
  const blocks = [];
  let file = '';
  lines.forEach((line, index) => {
    if (fileLine.test(line)) file = line.trim();
    if (!line.includes(marker)) return;
    const after = lines.slice(index + 1, index + 12);
    const end = after.findIndex(
      (l) => l.includes(marker) || /^(Chrome: |Finished |test at )/.test(l),
    );
    const block = [line, ...(end < 0 ? after : after.slice(0, end))].filter((l) => l.trim() !== '');
    blocks.push([file, ...block].join('\n'));
  });
  // Node's spec reporter lists each failure twice (in place and in its summary): keep one.
  return [...new Set(blocks)].slice(0, 20);
}

const node = await run(process.execPath, ['scripts/run-node-tests.mjs'], (text) => ({
  passed: lastNumber(text, /^ℹ pass (\d+)/gm),
  failed: lastNumber(text, /^ℹ fail (\d+)/gm),
  failures: failureBlocks(text.split(/^✖ failing tests:$/m)[1] ?? '', '✖', /^test at /),
}));
const browser = await run('npx', ['wtr'], (text) => {
  const m = [...text.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  return {
    passed: m ? Number(m[1]) : 0,
    failed: m ? Number(m[2]) : 0,
    failures: failureBlocks(text, '❌', /^\S*test\/\S+\.test\.ts:$/),
  };
});

// The runners print a failure where it happens, in the middle of a long log; CI shows the log's end.
// So the failures are printed again here, last, just before the closing line.
const failures = [...node.failures, ...browser.failures];
if (failures.length) {
  console.log('\n=== failed tests (printed again)');
  for (const block of failures) console.log(block);
}

const passed = node.passed + browser.passed;
// A runner that crashed without counting a failure still counts as one failure.
const failed =
  node.failed +
  browser.failed +
  (node.code && !node.failed ? 1 : 0) +
  (browser.code && !browser.failed ? 1 : 0);
console.log(
  `\nnode: ${node.passed} passed, ${node.failed} failed; browser: ${browser.passed} passed, ${browser.failed} failed`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
