// The package as a site gets it: `npm pack` (after `npm run build`), then publint and
// @arethetypeswrong/cli on the tarball, then a scratch project in a temp dir that installs the
// tarball (garde itself offline; lit, idb-keyval and ipaddr.js from the npm cache or registry) and
//   (a) imports garde/core, garde/minimise and garde/wire in Node,
//   (b) typechecks a TypeScript file that uses the public types, with tsc and no skipLibCheck,
//   (c) bundles `import { init } from 'garde'` and `garde/define` for the browser with rollup,
// and finds garde/garde.js. Then the three packages together (scripts/check-packages-together.mjs):
// garde-collector and garde-audit packed too, installed beside garde in a second scratch project,
// the collector started from there and the audit run on a page it serves.
// Prints one line per step; exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { checkPackagesTogether } from './check-packages-together.mjs';

const ROOT = resolve(import.meta.dirname ?? new URL('..', import.meta.url).pathname, '..');
const ROOT_BIN = join(ROOT, 'node_modules', '.bin');
const started = Date.now();

/** The on-demand files with strings, which a per-language drop-in loads in its language. */
const WORDED = ['garde-ui', 'garde-embed', 'garde-notice', 'garde-records'];

const say = (line) => console.log(`check-package: ${line}`);
function fail(message) {
  console.error(`check-package: FAILED: ${message}`);
  process.exit(1);
}
/** Runs a command, its output kept for the failure message only. */
function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    fail(`${command} ${args.join(' ')}\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}

for (const built of [
  'dist/garde.js',
  'dist/garde-ui.js',
  'dist/garde-embed.js',
  'dist/garde-analytics.js',
  'dist/garde-records.js',
  'dist/garde-integrations.js',
  'dist/garde-config.js',
  'dist/garde.fr.js',
  'dist/garde-notice.js',
  'dist/garde-ui.fr.js',
  'dist/garde-embed.fr.js',
  'dist/garde-notice.fr.js',
  'dist/garde-records.fr.js',
  'dist/esm/wire.js',
  'custom-elements.json',
])
  if (!existsSync(join(ROOT, built))) fail(`${built} is missing: run \`npm run build\` first`);

const scratch = mkdtempSync(join(tmpdir(), 'garde-package-'));
try {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], ROOT));
  const tarball = join(scratch, packed.filename);
  say(`packed ${packed.filename}: ${packed.entryCount} files, ${packed.size} B`);

  // publint packs the tree itself (with npm, as above): only then can it tell a file that exists
  // but is not published, e.g. an export pointing outside `files`.
  const lint = await publint({ pkgDir: ROOT, pack: 'npm', level: 'suggestion', strict: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (lint.messages.length)
    fail(`publint:\n${lint.messages.map((m) => formatMessage(m, pkg)).join('\n')}`);
  say('publint: no message');

  // Profile esm-only: garde is ES modules only, with no CommonJS entry by design. garde.js (a
  // classic script for a <script> tag) and custom-elements.json (data) are not modules to type.
  run(
    join(ROOT_BIN, 'attw'),
    [
      tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      'garde.js',
      'garde-ui.js',
      'garde-embed.js',
      'garde-analytics.js',
      'garde-records.js',
      'garde-integrations.js',
      'garde-config.js',
      'garde.fr.js',
      'garde.nl.js',
      'garde.de.js',
      'garde.en.js',
      'garde-notice.js',
      // The worded on-demand files in one language (garde-ui.fr.js…), which garde.fr.js loads.
      ...['fr', 'nl', 'de', 'en'].flatMap((lang) => WORDED.map((name) => `${name}.${lang}.js`)),
      'custom-elements.json',
    ],
    ROOT,
  );
  say('attw (esm-only): no problem');

  const site = join(scratch, 'site');
  run('mkdir', ['-p', join(site, 'src')], scratch);
  writeFileSync(
    join(site, 'package.json'),
    JSON.stringify({ name: 'site', private: true, type: 'module' }, null, 2),
  );
  run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    site,
  );
  say('scratch project: installed the tarball');

  // (a) The Node side of the package, as the collector and other servers use it.
  writeFileSync(
    join(site, 'node.mjs'),
    `import { LANGS, receiptSchema, RECEIPT_METHODS } from 'garde/wire';
import { anonymiseIp, reduceUserAgent } from 'garde/minimise';
import { init, resolveLang } from 'garde/core';
import { checkConfig } from 'garde/config';
const policy = { url: '/privacy', version: '1' };
if (checkConfig({ policy }).errors.length || checkConfig({}).errors.length !== 1)
  throw new Error('garde/config checkConfig is wrong');
if (init({ policy }).consent !== null) throw new Error('garde/core init is not inert in Node');
if (LANGS.join() !== 'fr,nl,de,en' || receiptSchema.properties.method.enum !== RECEIPT_METHODS)
  throw new Error('garde/wire exports are wrong');
if (anonymiseIp('203.0.113.77', { v4Bits: 16, v6Bits: 48 }) !== '203.0.0.0')
  throw new Error('garde/minimise anonymiseIp is wrong');
if (typeof reduceUserAgent !== 'function' || typeof resolveLang !== 'function')
  throw new Error('garde/minimise or garde/core is missing exports');
`,
  );
  run(process.execPath, ['node.mjs'], site);
  say('node: garde/core (an inert init), garde/config, garde/minimise and garde/wire work');

  // (b) The published types, in a strict project that has none of garde's dev dependencies.
  writeFileSync(
    join(site, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src'],
    }),
  );
  writeFileSync(
    join(site, 'src', 'types.ts'),
    `import { init } from 'garde';
import type { GardeConfig } from 'garde/core';
import { hitSchema, type Hit, type Receipt, type ReceiptMethod } from 'garde/wire';
import { anonymiseIp } from 'garde/minimise';

export const method: ReceiptMethod = 'withdraw';
export const receipt: Receipt = {
  receiptId: 'r1', id: 'v1', ts: new Date().toISOString(), version: '1',
  categories: { necessary: true }, services: {}, method, lang: 'fr', path: '/',
};
export const hit: Hit = { name: 'pageview', path: '/', lang: 'fr', vw: 360, consent: false };
export const required: readonly string[] = hitSchema.required;
export const start = (config: GardeConfig) => init(config);
export const network: string | null = anonymiseIp('203.0.113.7', { v4Bits: 8, v6Bits: 32 });
// @ts-expect-error: the wire refuses a language garde does not speak.
export const wrong: Receipt['lang'] = 'es';
`,
  );
  // A site that loads the drop-in with a <script> tag and types its config.
  writeFileSync(
    join(site, 'src', 'script-tag.ts'),
    `import type {} from 'garde/global';
import { defineConfig, type GardeConfigInput } from 'garde/core';

export const config = defineConfig({ policy: { url: '/privacy', version: '1' } });
// @ts-expect-error: defineConfig catches a misspelt field.
export const typo = defineConfig({ policy: { url: '/privacy', version: '1' }, categorys: {} });
export const plain = { policy: { url: '/privacy', version: '1' } } satisfies GardeConfigInput;
export const granted: boolean = window.garde.allowed('analytics');
`,
  );
  run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], site);
  say('tsc: the public types (defineConfig, garde/global) check in a strict NodeNext project');

  // (c) A site's bundler: the library entry and the self-defining entry, for the browser.
  writeFileSync(
    join(site, 'src', 'main.js'),
    "import { init } from 'garde';\nimport 'garde/define';\nwindow.startGarde = init;\n",
  );
  const bundle = await rollup({
    input: join(site, 'src', 'main.js'),
    plugins: [nodeResolve({ browser: true, rootDir: site })],
    onwarn: (warning) => fail(`rollup: ${warning.message}`),
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const modules = Object.keys(output[0].modules);
  if (!modules.some((id) => id.includes(join('node_modules', 'garde', 'dist', 'esm'))))
    fail('rollup: the bundle holds nothing of garde');
  say(`rollup: bundled garde and garde/define for the browser (${modules.length} modules)`);

  // Resolved as the site's own code would.
  const fromSite = createRequire(join(site, 'package.json')).resolve;
  const dropIn = fromSite('garde/garde.js');
  if (!dropIn.endsWith(join('node_modules', 'garde', 'dist', 'garde.js')))
    fail(`garde/garde.js resolves to ${dropIn}`);
  say('garde/garde.js resolves to the drop-in');
  // The drop-in loads its dialog and placeholders from beside itself: they must ship together.
  const onDemand = fromSite('garde/garde-ui.js');
  if (!onDemand.endsWith(join('node_modules', 'garde', 'dist', 'garde-ui.js')))
    fail(`garde/garde-ui.js resolves to ${onDemand}`);
  say('garde/garde-ui.js resolves beside it');
  // A per-language drop-in loads the worded files of its language (garde-ui.fr.js…).
  for (const name of WORDED) {
    const file = `${name}.fr.js`;
    if (!fromSite(`garde/${file}`).endsWith(join('node_modules', 'garde', 'dist', file)))
      fail(`garde/${file} does not resolve beside garde.fr.js`);
  }
  say("garde/garde.fr.js's files in French (garde-ui.fr.js…) resolve beside it");

  await checkPackagesTogether({ root: ROOT, scratch, gardeTarball: tarball, say, fail, run });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
say(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
