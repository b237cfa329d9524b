// `garde/minimise`: what analytics may learn, shared by the browser and the collector.
// Pure functions, no DOM at module load; the tracker itself stays in src/minimise/tracker.ts.
export { anonymiseIp, type AnonymiseIpOptions } from './ip.js';
export { reduceUserAgent, uaVersion, minorVersion, type ReducedUa, type UaHints } from './ua.js';
export { referrerDomain, sameSite } from './referrer.js';
export { reducePath } from './path.js';
export {
  looksPersonal,
  sanitiseProps,
  validName,
  MAX_PROPS,
  MAX_VALUE_LENGTH,
} from './personal.js';
export { vwBucket, SESSION_KEY, UID_KEY } from './tracker.js';
