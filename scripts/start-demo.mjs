// `npm start` (after `npm run build`): the collector on SQLite serving the demo pages and dist/, so a
// newcomer sees the whole loop: decide on the demo page, read the record at /admin/.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT || '8787';
const host = process.env.HOST || '127.0.0.1';
// A fresh token per start unless one is given: the admin page is never open by accident.
const token = process.env.GARDE_ADMIN_TOKEN || randomBytes(24).toString('base64url');

for (const path of ['dist/garde.js', 'demo']) {
  if (!existsSync(`${root}${path}`))
    console.warn(
      `start-demo: ${path} is missing (run \`npm run build\`, or wait for the demo pages)`,
    );
}

const child = spawn(
  process.execPath,
  [
    'collector/bin/garde-collector.js',
    '--port',
    port,
    '--host',
    host,
    '--db',
    'data/garde.sqlite',
    '--static',
    'demo',
    '--static',
    'dist',
  ],
  {
    cwd: root,
    env: { ...process.env, GARDE_ADMIN_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);

let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && chunk.toString().includes('garde-collector listening on')) {
    announced = true;
    const base = `http://${host}:${port}`;
    console.log(`
  garde demo        ${base}/        (${base}/fr/index.html, /nl/, /de/, /en/)
  admin page        ${base}/admin/
  admin token       ${token}
  records database  data/garde.sqlite
  Ctrl+C to stop.
`);
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
