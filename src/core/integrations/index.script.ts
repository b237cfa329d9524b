// The drop-in's integrations (in place of index.ts, rollup.config.mjs): Consent Mode and Matomo
// are in dist/garde-integrations.js, beside dist/garde.js, loaded at start only when the config
// enables one; most sites enable none and never download it. On such a site the gate waits for
// the file (Consent Mode's default must precede any Google tag it revives); a site without
// integrations is never delayed.
import { guarded } from '../guarded.js';
import { loadScript } from '../load-script.js';
import type { Garde } from '../types.js';
import { forgetIdsOnRefusal } from './forget-ids.js';
import type { startTagManagers } from './tag-managers.js';

declare global {
  interface Window {
    /** Set by dist/garde-integrations.js: tag-managers.ts's startTagManagers. */
    gardeIntegrations?: typeof startTagManagers;
  }
}

/** index.ts's startIntegrations, with the tag managers' code loaded first when one is enabled. */
export function startIntegrations(garde: Garde, thenGate: () => void): () => void {
  const stops = [forgetIdsOnRefusal(garde)];
  let live = true;
  const { consentMode, matomo } = garde.config.integrations;
  if (consentMode || matomo)
    loadScript('garde-integrations.js')
      .then(
        () => live && guarded(() => stops.push(...window.gardeIntegrations!(garde))),
        // loadScript has said which file failed; the gate goes on without the integrations.
        () => {},
      )
      .then(thenGate);
  else thenGate();
  return () => {
    live = false;
    for (const stop of stops) stop();
  };
}
