// The tag managers' integrations (Google Consent Mode v2, Matomo): in the ESM build a part of
// init(), in the drop-in the content of dist/garde-integrations.js, loaded at start only when the
// config enables one (index.script.ts).
import type { Garde } from '../types.js';
import { startConsentMode } from './consent-mode.js';
import { startMatomo } from './matomo.js';

/** Starts the tag managers' integrations the config enables; returns their stop functions. */
export function startTagManagers(garde: Garde): Array<() => void> {
  const { consentMode, matomo } = garde.config.integrations;
  return [
    ...(consentMode ? [startConsentMode(garde)] : []),
    ...(matomo ? [startMatomo(garde)] : []),
  ];
}
