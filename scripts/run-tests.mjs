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

const node = await run(process.execPath, ['scripts/run-node-tests.mjs'], (text) => ({
  passed: lastNumber(text, /^ℹ pass (\d+)/gm),
  failed: lastNumber(text, /^ℹ fail (\d+)/gm),
}));
const browser = await run('npx', ['wtr'], (text) => {
  const m = [...text.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  return { passed: m ? Number(m[1]) : 0, failed: m ? Number(m[2]) : 0 };
});

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
