// A garde-ui.js that arrives only when the test says so, served by the test runner's dev server:
//   GET  /test-held/<key>/garde-ui.js   waits until released, then answers dist/garde-ui.js
//   POST /test-held/<key>/release       lets it (and any later request) through
// A slow network without a real wait: the test decides when the file arrives. Keys keep
// concurrent test files apart.
import { readFile } from 'node:fs/promises';

const keys = new Map();

const entry = (key) => {
  if (!keys.has(key)) {
    let release;
    const released = new Promise((resolve) => (release = resolve));
    keys.set(key, { released, release });
  }
  return keys.get(key);
};

/** Koa middleware for web-test-runner's `middleware` option. */
export function heldFile() {
  return async (ctx, next) => {
    const m = /^\/test-held\/([\w-]+)\/(garde-ui\.js|release)$/.exec(ctx.path);
    if (!m) return next();
    const held = entry(m[1]);
    if (m[2] === 'release') {
      held.release();
      ctx.status = 204;
      return;
    }
    await held.released;
    ctx.type = 'text/javascript';
    ctx.body = await readFile('dist/garde-ui.js');
  };
}
