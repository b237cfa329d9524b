// The viewport width as analytics may see it: a coarse bucket, not the exact width (which,
// with other values, helps fingerprinting).
import { VIEWPORT_BUCKETS, type Hit } from '../wire.js';

// Largest first, for find().
const LARGEST_FIRST = [...VIEWPORT_BUCKETS].reverse();

/** The bucket of `Hit.vw`: the largest of {@link VIEWPORT_BUCKETS} not above `width`. */
export const vwBucket = (width: number): Hit['vw'] =>
  LARGEST_FIRST.find((bucket) => width >= bucket) ?? 0;
