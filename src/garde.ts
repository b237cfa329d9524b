// The drop-in (dist/garde.js): reads the page's JSON config, starts garde, exposes window.garde.
import { init } from './core/init.js';
import { mountUi } from './components/mount.js';
import type { Garde } from './core/types.js';

declare global {
  interface Window {
    garde: Garde;
  }
}

/** The config in `<script type="application/json" id="garde-config">`; invalid JSON is reported and gives the safe defaults. */
function pageConfig(): unknown {
  const text = document.getElementById('garde-config')?.textContent;
  if (text == null) return console.error('garde: no <script type="application/json" id="garde-config"> found: expected the config there');
  try {
    return JSON.parse(text);
  } catch (e) {
    console.error(`garde: the config in #garde-config is not valid JSON (${(e as Error).message}): expected a JSON object`);
  }
}

window.garde = init(pageConfig());
mountUi(window.garde);
