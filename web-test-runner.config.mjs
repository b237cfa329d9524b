import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium-path.mjs';

const executablePath = await chromiumPath();

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts', '!collector/**', '!audit/**'],
  nodeResolve: true,
  // Standard class fields must reach Chromium transformed like the build does (useDefineForClassFields: false).
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
