// The integrations init() starts before the gate revives any script: Google Consent Mode v2
// and Matomo when the config enables them, and always the erasure of the tracker's own ids.
import { forgetAnalyticsIds } from '../analytics-ids.js';
import type { Garde } from '../types.js';
import { startConsentMode } from './consent-mode.js';
import { startMatomo } from './matomo.js';

/** Starts the integrations the config enables; returns a function that stops them. */
export function startIntegrations(garde: Garde): () => void {
  const { integrations, analytics } = garde.config;
  const stops = [
    // A refusal or withdrawal of analytics erases the session and persistent ids at once,
    // not only at the next hit.
    garde.onChange((consent) => {
      if (!consent?.categories[analytics.category]) forgetAnalyticsIds();
    }),
  ];
  if (integrations.consentMode) stops.push(startConsentMode(garde));
  if (integrations.matomo) stops.push(startMatomo(garde));
  return () => {
    for (const stop of stops) stop();
  };
}
