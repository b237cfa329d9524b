// The Chromium lookup of the tests and benchmarks: the audit package's own, through its package
// export, so that there is one implementation (audit/src/chromium-path.mjs).
export { chromiumPath, CHROMIUM_ARGS } from 'garde-audit/chromium-path';
