// `garde/minimise`: what analytics may learn, shared by the page and the collector. Pure
// functions, no DOM at module load, no import of src/core (only src/wire.ts): the collector
// imports this barrel on Node. The browser's tracker that applies them is src/core/tracker.ts.
export { anonymiseIp, type AnonymiseIpOptions } from './ip.js';
export { reduceUserAgent, uaVersion, minorVersion, type ReducedUa, type UaHints } from './ua.js';
export { referrerDomain, sameSite } from './referrer.js';
export { reducePath, personalSegment, type PathRules } from './path.js';
export {
  looksPersonal,
  sanitiseProps,
  validName,
  MAX_PROPS,
  MAX_VALUE_LENGTH,
} from './personal.js';
export { vwBucket } from './viewport.js';
