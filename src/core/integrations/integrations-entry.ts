// The entry of dist/garde-integrations.js: Consent Mode and Matomo, loaded by the drop-in at start
// when the config enables one (index.script.ts). Core code only: no lit.
import { startTagManagers } from './tag-managers.js';

window.gardeIntegrations = startTagManagers;
