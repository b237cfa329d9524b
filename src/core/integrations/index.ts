// CONTRACT placeholder, replaced by the minimisation work: Google Consent Mode v2 and Matomo,
// started by init() before the gate revives any script. See docs/architecture.md.
import type { Garde } from '../types.js';

/** Starts the integrations the config enables; returns a function that stops them. */
export function startIntegrations(_garde: Garde): () => void {
  return () => {};
}
