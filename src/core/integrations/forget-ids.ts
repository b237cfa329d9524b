import { forgetAnalyticsIds } from '../analytics-ids.js';
import type { Garde } from '../types.js';

/** A refusal or withdrawal of analytics erases the session and persistent ids at once. */
export const forgetIdsOnRefusal = (garde: Garde) =>
  garde.onChange((consent) => {
    if (!consent?.categories[garde.config.analytics.category]) forgetAnalyticsIds();
  });
