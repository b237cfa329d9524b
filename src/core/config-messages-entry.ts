// dist/garde-config.js: the wording of the config's errors, loaded by the drop-in only when its
// config has an invalid field (config-report.script.ts).
import { configMessage } from './config-messages.js';

window.gardeConfigMessage = configMessage;
