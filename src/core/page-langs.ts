import { LANGS, type Lang } from '../wire.js';

/**
 * The languages this build renders: all four, or the one of a per-language drop-in
 * (dist/garde.fr.js…), whose build puts that language alone here (rollup.config.mjs). The wire's
 * LANGS stay four: a receipt may be in any of them.
 */
export const PAGE_LANGS: readonly Lang[] = LANGS;
