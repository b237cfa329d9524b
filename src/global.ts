// `window.garde` for sites that load the drop-in with a <script> tag and write TypeScript:
// `import type {} from 'garde/global';` once in the project types it everywhere.
import type { Garde } from './core/types.js';

declare global {
  interface Window {
    /** garde's API, set by dist/garde.js (the drop-in) as it starts. */
    garde: Garde;
  }
}

export type { Garde };
