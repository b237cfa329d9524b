import type { Garde } from './types.js';

let current: Garde | null = null;

/** The last instance `init()` created, or null; elements use it unless given a `garde` property. */
export const currentGarde = (): Garde | null => current;

/** Records the instance `currentGarde()` returns (called by init). */
export const setCurrentGarde = (g: Garde | null): void => {
  current = g;
};
