// The entry of dist/garde-ui.js: the preferences dialog, which the drop-in loads the first time it
// is opened (src/components/on-demand.script.ts). It renders with the drop-in's lit-html and
// GardeElement (window.gardeKit, ui-kit.ts: one copy on the page), and meets the drop-in
// otherwise only through the element that mountUi() created, its `garde` property and garde's
// public API.
import { completeStrings } from '../i18n/complete-strings.js';
import { definePreferences } from './preferences/define-preferences.js';

completeStrings();
definePreferences();
