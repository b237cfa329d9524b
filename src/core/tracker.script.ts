// The drop-in's tracker (in place of tracker.ts, rollup.config.mjs): the hits are built and sent
// by dist/garde-analytics.js, beside dist/garde.js, loaded at the first hit to send. A page
// without `analyticsEndpoint`, or a visitor whose hits are silenced (a refusal, a withdrawal,
// `preConsent: 'none'`), never downloads it; every first view of a page without analytics is
// that much smaller. The script keeps the drop-in's nonce and sends no Referer.
import { forgetAnalyticsIds } from './analytics-ids.js';
import { loadScript } from './load-script.js';
import type { createTracker as createFullTracker, Tracker, TrackerOptions } from './tracker.js';

declare global {
  interface Window {
    /** Set by dist/garde-analytics.js: tracker.ts's createTracker. */
    gardeTracker?: typeof createFullTracker;
  }
}

/**
 * `garde.track` in the drop-in: what tracker.ts does, with the decision as it is at the call. A
 * hit that would be silent, or that has no endpoint, only erases the ids (as tracker.ts does
 * then) and loads nothing: no request of garde's follows a refusal.
 */
export function createTracker(options: TrackerOptions): Tracker {
  const { analytics, analyticsEndpoint } = options.config;
  const silent = () => {
    const { consent, withdrawn } = options.store;
    return consent
      ? !consent.categories[analytics.category]
      : withdrawn || analytics.preConsent === 'none';
  };
  return {
    track(name, props) {
      if (!analyticsEndpoint || silent()) return forgetAnalyticsIds();
      const { consent, withdrawn } = options.store;
      // A refusal taken while the file was on its way silences this hit too.
      loadScript('garde-analytics.js').then(
        () =>
          silent() ||
          window.gardeTracker!({ ...options, store: { consent, withdrawn } }).track(name, props),
        () => {},
      );
    },
  };
}
