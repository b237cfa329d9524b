// A typed identity for the config, for sites that write it in TypeScript or in JavaScript with
// type checking: completion in the editor, and a misspelt or misplaced field is an error at build
// time instead of a console message on the page. `satisfies GardeConfigInput` does the same.
import type { GardeConfigInput } from './types.js';

/** Returns `config` unchanged; only its type is checked. */
export const defineConfig = (config: GardeConfigInput): GardeConfigInput => config;
