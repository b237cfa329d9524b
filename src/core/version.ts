// garde's version, from package.json: the build (rollup.config.mjs) and the test runner's esbuild
// (web-test-runner.config.mjs) put it in place of __GARDE_VERSION__, so that the drop-in, dist/esm
// and the tests all say the same.
declare const __GARDE_VERSION__: string;

/** garde's version (package.json), recorded in each receipt (`v`) and snapshot. */
export const VERSION: string = __GARDE_VERSION__;
