// How mountUi() gets `<garde-notice>` in the ESM build (and the tests): a separate chunk, imported
// only on a page that holds one. The drop-in swaps this file for on-demand.script.ts.

/** Defines `<garde-notice>` when the page holds one; its code is not loaded otherwise. */
export function mountNotice(): void {
  if (document.querySelector('garde-notice'))
    void import('./define-notice.js').then((module) => module.defineNotice());
}
