// dist/garde-config.js: the wording of the config's errors and warnings, loaded by the drop-in only
// when its config has something to report (config-report.script.ts).
import { configMessage, configWarning } from './config-messages.js';

window.gardeConfigMessage = configMessage;
window.gardeConfigWarning = configWarning;
