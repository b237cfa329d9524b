// CONTRACT placeholder, replaced by the minimisation work: sends analytics hits minimised
// according to the visitor's consent. See docs/architecture.md.
import type { ConsentState, GardeConfig, Lang, TrackProps } from '../core/types.js';

export interface TrackerOptions {
  config: GardeConfig;
  /** The current decision (read at each hit, never cached). */
  consent: () => ConsentState | null;
  lang: Lang;
}

export interface Tracker {
  track(name?: string, props?: TrackProps): void;
}

export function createTracker(_options: TrackerOptions): Tracker {
  return { track() {} };
}
