// The entry of dist/garde-analytics.js: the tracker that builds and sends the analytics hits,
// loaded by the drop-in at the first hit to send (tracker.script.ts). Core code only: no lit.
import { createTracker } from './tracker.js';

window.gardeTracker = createTracker;
