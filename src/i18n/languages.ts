// The built-in strings, by language: all four here and in dist/garde.js; a per-language drop-in
// (dist/garde.fr.js…) is built with this module reduced to its one language (rollup.config.mjs).
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import { de } from './de.js';

/** The built-in strings, by language. */
export const translations = { fr, nl, de, en };
