// The drop-in's tracker (in place of tracker.ts, rollup.config.mjs): the hits are built and sent
// by dist/garde-analytics.js, beside dist/garde.js, loaded at the first hit to send. A page
// without `analyticsEndpoint`, or a visitor whose hits are silenced (a refusal, a withdrawal,
// `preConsent: 'none'`), never downloads it; every first view of a page without analytics is
// that much smaller. The script keeps the drop-in's nonce and sends no Referer.
import { forgetAnalyticsIds } from './analytics-ids.js';
import type { createTracker as createFullTracker, Tracker, TrackerOptions } from './tracker.js';

declare global {
  interface Window {
    /** Set by dist/garde-analytics.js: tracker.ts's createTracker. */
    gardeTracker?: typeof createFullTracker;
  }
}

// Taken while garde.js runs: `document.currentScript` is null later.
const current = document.currentScript as HTMLScriptElement | null;
let loading: Promise<typeof createFullTracker> | undefined;

/** tracker.ts's createTracker, from its file; a failed load is reported, and the next hit retries. */
function loadTracker(): Promise<typeof createFullTracker> {
  return (loading ??= new Promise((resolve, reject) => {
    const url = new URL('garde-analytics.js', current?.src || location.href).href;
    const script = document.createElement('script');
    script.src = url;
    script.nonce = current?.nonce ?? '';
    script.referrerPolicy = 'no-referrer';
    script.onload = () => resolve(window.gardeTracker!);
    script.onerror = () => {
      loading = undefined;
      reject(url);
    };
    document.head.append(script);
  }));
}

/**
 * `garde.track` in the drop-in: what tracker.ts does, with the decision as it is at the call. A
 * hit that would be silent, or that has no endpoint, only erases the ids (as tracker.ts does
 * then) and loads nothing: no request of garde's follows a refusal.
 */
export function createTracker(options: TrackerOptions): Tracker {
  const { analytics, analyticsEndpoint } = options.config;
  return {
    track(name, props) {
      const { consent, withdrawn } = options.store;
      const silent = consent
        ? !consent.categories[analytics.category]
        : withdrawn || analytics.preConsent === 'none';
      if (!analyticsEndpoint || silent) return forgetAnalyticsIds();
      loadTracker().then(
        (create) => create({ ...options, store: { consent, withdrawn } }).track(name, props),
        (url) => console.error(`garde: could not load ${url}`),
      );
    },
  };
}
