// The entry of dist/garde-ui.js: the preferences dialog and the embeds' placeholder, which the
// drop-in loads the first time one is needed (src/components/on-demand.script.ts). Self-contained:
// it brings its own copy of what it renders with, and meets the drop-in only through the elements
// that mountUi() created, their `garde` (and `embed`) properties and garde's public API.
import { definePlaceholder } from './placeholder/define-placeholder.js';
import { definePreferences } from './preferences/define-preferences.js';

definePreferences();
definePlaceholder();
