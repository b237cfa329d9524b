// The integrations init() starts before the gate revives any script: Google Consent Mode v2
// and Matomo when the config enables them, and always the erasure of the tracker's own ids.
// The drop-in has index.script.ts instead (rollup.config.mjs).
import { guarded } from '../guarded.js';
import type { Garde } from '../types.js';
import { forgetIdsOnRefusal } from './forget-ids.js';
import { startTagManagers } from './tag-managers.js';

/**
 * Starts the integrations the config enables; returns a function that stops them. Calls
 * `thenGate` once the gate may revive scripts (here at once, even if an integration failed).
 */
export function startIntegrations(garde: Garde, thenGate: () => void): () => void {
  const stops = [forgetIdsOnRefusal(garde)];
  guarded(() => stops.push(...startTagManagers(garde)));
  thenGate();
  return () => {
    for (const stop of stops) stop();
  };
}
