// The headless core: consent state, storage, gating and integrations, without any UI.
export type * from './types.js';
export { init } from './init-anywhere.js';
export type { InitOptions } from './init.js';
export { currentGarde } from './instance.js';
export { resolveLang, LANGS } from './lang.js';
export { defineConfig } from './define-config.js';
export { checkConfig, validateConfig, type ConfigCheck } from './config.js';
export { formatConsentCookie, parseConsentCookie, type ConsentCookie } from './cookie-format.js';
export { SESSION_KEY, UID_KEY } from './tracker.js';
export {
  authorWarnings,
  analyticsRetentionWarning,
  consentDaysWarning,
  cookieSizeWarning,
  noticeRetention,
  undescribedStorageWarnings,
  warnAuthor,
} from './author-warnings.js';
