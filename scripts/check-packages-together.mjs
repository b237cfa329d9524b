// The three packages as a site owner installs them, outside the repository: garde-collector and
// garde-audit packed (the collector's prepack builds its admin page), their tarballs checked (a
// LICENSE, no tests, garde as a version range), installed beside garde's tarball in a scratch
// project, then `garde-collector` started from that project (admin page 200, a receipt stored and
// read back) and `garde-audit` run on a page that collector serves with the installed garde.js.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Packs one workspace (running its prepack) and checks what the tarball holds. */
function pack({ root, scratch, say, fail, run }, workspace, mustHold) {
  const [packed] = JSON.parse(
    run('npm', ['pack', '--json', '--workspace', workspace, '--pack-destination', scratch], root),
  );
  const paths = packed.files.map((file) => file.path);
  for (const path of ['LICENSE', ...mustHold])
    if (!paths.includes(path)) fail(`${packed.filename} does not hold ${path}`);
  const extra = paths.filter((path) => /(^|\/)(test|fixtures)\/|\.test\.[mc]?[jt]s$/.test(path));
  if (extra.length) fail(`${packed.filename} ships tests: ${extra.join(', ')}`);
  const manifest = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8'));
  if (manifest.private) fail(`${workspace}/package.json is private`);
  if (!/^[\^~]?\d/.test(manifest.dependencies.garde ?? ''))
    fail(`${workspace} depends on garde as "${manifest.dependencies.garde}", not a version range`);
  say(`packed ${packed.filename}: ${packed.entryCount} files, ${packed.size} B, LICENSE, no tests`);
  return join(scratch, packed.filename);
}

/**
 * better-sqlite3 compiles from source here (about two minutes): the install below skips install
 * scripts and takes the addon that `npm ci` already built for the repository when it is the same
 * version of better-sqlite3 (same Node, same machine); otherwise, or with GARDE_CHECK_BUILD_NATIVE=1,
 * it builds it as a site's install would. Loading it is checked by the collector's start below.
 */
function provideSqliteAddon({ root, say, run }, project) {
  const installed = join(project, 'node_modules', 'better-sqlite3');
  const built = join(root, 'node_modules', 'better-sqlite3');
  const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const addon = join('build', 'Release', 'better_sqlite3.node');
  if (
    process.env.GARDE_CHECK_BUILD_NATIVE !== '1' &&
    existsSync(join(built, addon)) &&
    version(built) === version(installed)
  ) {
    mkdirSync(join(installed, 'build', 'Release'), { recursive: true });
    copyFileSync(join(built, addon), join(installed, addon));
    say(`better-sqlite3 ${version(installed)}: the addon npm ci built, reused`);
    return;
  }
  run('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], project);
  say(`better-sqlite3 ${version(installed)}: built from source`);
}

/** Starts the installed garde-collector on a free port; resolves with its address once it listens. */
function startCollector(project, args, env, fail) {
  const child = spawn(join(project, 'node_modules', '.bin', 'garde-collector'), args, {
    cwd: project,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const address = new Promise((resolve) => {
    const read = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[^"\s]+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(`garde-collector exited with ${code}:\n${output}`));
  });
  return { child, address, output: () => output };
}

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A site that installed garde</title>
<script type="application/json" id="garde-config">{
  "policy": { "url": "/privacy/", "version": "2026-01" },
  "categories": {
    "analytics": { "label": "Audience measurement", "description": "Counting visits." }
  },
  "services": {}
}</script>
<script src="/garde.js" defer></script>
</head>
<body><main><h1>Hello</h1><p>A page with garde from the installed package.</p></main></body>
</html>
`;

/** Runs every step above; `fail` exits the process. */
export async function checkPackagesTogether(context) {
  const { scratch, gardeTarball, say, fail, run } = context;
  const collectorTarball = pack(context, 'collector', [
    'bin/garde-collector.js',
    'admin/dist/index.html',
    'admin/dist/admin.js',
  ]);
  const auditTarball = pack(context, 'audit', ['bin/garde-audit.js']);

  const project = join(scratch, 'server');
  mkdirSync(join(project, 'site'), { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'server', private: true, type: 'module' }, null, 2),
  );
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      gardeTarball,
      collectorTarball,
      auditTarball,
    ],
    project,
  );
  const gardeDir = join(project, 'node_modules', 'garde');
  for (const tool of ['garde-collector', 'garde-audit'])
    if (existsSync(join(project, 'node_modules', tool, 'node_modules', 'garde')))
      fail(`${tool} installed a garde of its own instead of the site's`);
  say('scratch project: installed garde, garde-collector and garde-audit together');
  provideSqliteAddon(context, project);

  writeFileSync(join(project, 'site', 'index.html'), PAGE);
  const token = randomBytes(24).toString('base64url');
  const collector = startCollector(
    project,
    [
      '--port',
      '0',
      '--db',
      join(project, 'consent.sqlite'),
      '--static',
      join(project, 'site'),
      '--static',
      join(gardeDir, 'dist'),
    ],
    { GARDE_ADMIN_TOKEN: token, LOG_LEVEL: 'info' },
    fail,
  );
  try {
    const base = await collector.address;
    say(`garde-collector started from the scratch project on ${base}`);
    if (/admin page is not built/.test(collector.output()))
      fail('garde-collector warns that its admin page is missing');
    const admin = await fetch(`${base}/admin/`);
    if (admin.status !== 200) fail(`GET /admin/ answered ${admin.status}`);
    const adminHtml = await admin.text();
    const script = /src="([^"]*admin\.js)"/.exec(adminHtml)?.[1];
    if (!script || (await fetch(new URL(script, `${base}/admin/`))).status !== 200)
      fail('the admin page or its script is not served');
    say('GET /admin/: 200, with its script');

    const id = randomUUID();
    const receipt = {
      receiptId: randomUUID(),
      id,
      ts: new Date().toISOString(),
      version: '2026-01',
      categories: { necessary: true, analytics: false },
      services: {},
      method: 'reject-all',
      lang: 'en',
      path: '/',
    };
    const posted = await fetch(`${base}/consent`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(receipt),
    });
    if (posted.status !== 202)
      fail(`POST /consent answered ${posted.status}: ${await posted.text()}`);
    const read = await fetch(`${base}/api/records/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { records } = await read.json();
    if (records?.length !== 1 || records[0].receiptId !== receipt.receiptId)
      fail(`the receipt was not read back: ${JSON.stringify(records)}`);
    say('POST /consent, then GET /api/records/:id: the receipt stored and read back');

    const audit = join(project, 'node_modules', '.bin', 'garde-audit');
    run(audit, ['config', join(project, 'site', 'index.html')], project);
    writeFileSync(join(project, 'bad.json'), '{ "policy": { "url": "/privacy/" } }');
    try {
      execFileSync(audit, ['config', join(project, 'bad.json')], { cwd: project, stdio: 'pipe' });
      fail('garde-audit config passed a config without a policy version');
    } catch (error) {
      if (error.status !== 1) fail(`garde-audit config on a bad config: ${error.message}`);
    }
    say('garde-audit config (installed): exit 0 on the page, 1 on a bad config');

    run(audit, [`${base}/`, '--pages', '1', '--states', 'fresh,refused', '--json'], project);
    say('garde-audit (installed) on a page served with the installed garde.js: no leak');
  } finally {
    collector.child.removeAllListeners('exit');
    collector.child.kill('SIGTERM');
  }
}
