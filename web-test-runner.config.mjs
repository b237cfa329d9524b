import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium-path.mjs';
import { beaconRecorder } from './test/minimise/beacon-recorder.mjs';
import { consentEndpoint } from './test/core/server/consent-endpoint.mjs';
import { heldFile } from './test/components/server/held-file.mjs';
import { screenshotPlugin } from './test/components/screenshot-plugin.mjs';

const executablePath = await chromiumPath();
// garde's version, as the build puts it in place of __GARDE_VERSION__ (rollup.config.mjs).
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts', '!collector/**', '!audit/**'],
  nodeResolve: true,
  // Standard class fields must reach Chromium transformed like the build does (useDefineForClassFields: false).
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: './tsconfig.json',
      define: { __GARDE_VERSION__: JSON.stringify(version) },
    }),
    // ipaddr.js (used by src/minimise/ip.ts) is CommonJS only. strictRequires: false gives a
    // plain `export default` (the default since v25 wraps modules in a lazy __require).
    fromRollup(rollupCommonjs)({
      include: ['**/node_modules/ipaddr.js/**'],
      strictRequires: false,
    }),
    // executeServerCommand('garde-screenshot', { name }): PNGs of the UI under test-artifacts/.
    screenshotPlugin(),
    // a11ySnapshot(): the accessibility tree as Chromium computes it (names of buttons, roles).
    a11ySnapshotPlugin(),
  ],
  middleware: [
    // POST /__beacons/<box> is recorded, GET returns the records: what analytics hits really carry.
    beaconRecorder(),
    // /test-consent/*: a receipt endpoint for the outbox tests.
    consentEndpoint(),
    // /test-held/<key>/garde-ui.js: the dialog's file, held back until the test releases it.
    heldFile(),
  ],
  browsers: [
    chromeLauncher({
      // *.garde.test resolves to this machine, so that a test page can have a parent domain (cookie erasure);
      // *.fresh.test too, for a first visit that no other test's parent-domain cookie can reach.
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          '--host-resolver-rules=MAP garde.test 127.0.0.1, MAP *.garde.test 127.0.0.1, MAP *.fresh.test 127.0.0.1',
        ],
      },
      // One browser context per page: test files running side by side share no cookies or IndexedDB.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  // Two messages repeat in every file and push a failure's report out of a CI log's visible end:
  // Lit's dev-mode notice, and the fallback-language warning of test configs written in one language.
  filterBrowserLogs: ({ args }) =>
    !/Lit is in dev mode|another language is shown/.test(args.map(String).join(' ')),
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
