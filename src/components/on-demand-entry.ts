// The entry of dist/garde-ui.js: the preferences dialog and the embeds' placeholder, which the
// drop-in loads the first time one is needed (src/components/on-demand.script.ts). It renders with
// the drop-in's lit-html and GardeElement (window.gardeKit, ui-kit.ts: one copy on the page), and
// meets the drop-in otherwise only through the elements that mountUi() created, their `garde`
// (and `embed`) properties and garde's public API.
import { definePlaceholder } from './placeholder/define-placeholder.js';
import { definePreferences } from './preferences/define-preferences.js';

definePreferences();
definePlaceholder();
