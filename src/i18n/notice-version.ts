/**
 * The edition of `<garde-notice>`'s own wording (src/i18n/notice/): bumped whenever that wording
 * changes in any language (test/i18n/notice-version.test.ts holds it to a hash of the four).
 * Each snapshot records it as `notice`, beside `policy.version` (the site's notice) and `v`
 * (garde's version), so that a receipt names the notice in force when the visitor decided.
 */
export const NOTICE_VERSION = '3';
