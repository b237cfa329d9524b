// The full library for bundlers: the core API, the elements and the helper that mounts them.
export * from './core/index.js';
export { GardeBanner } from './components/banner/banner.js';
export { GardePreferences } from './components/preferences/preferences.js';
export { GardePolicyLink } from './components/policy-link/policy-link.js';
export { GardeNotice } from './components/notice/notice.js';
export { defineNotice } from './components/notice/define-notice.js';
export { GardeElement } from './components/base.js';
export { defineElements } from './components/define-elements.js';
export { definePreferences } from './components/preferences/define-preferences.js';
export { definePlaceholder } from './components/placeholder/define-placeholder.js';
export { mountUi } from './components/mount.js';
export { translations, type Translation } from './i18n/index.js';
export { buildSnapshot, snapshotText } from './i18n/snapshot.js';
