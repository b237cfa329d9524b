// The headless core: consent state, storage, gating and integrations, without any UI.
export type * from './types.js';
