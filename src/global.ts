// `window.garde` for sites that load the drop-in with a <script> tag and write TypeScript:
// `import type {} from 'garde/global';` once in the project types it everywhere.
import type { Garde } from './core/types.js';

declare global {
  interface Window {
    /**
     * garde's API, defined by dist/garde.js (the drop-in) when its script has run: an accessor,
     * whose first read starts garde if the task after the script's has not yet; it cannot be
     * assigned or redefined.
     */
    readonly garde: Garde;
  }
}

export type { Garde };
