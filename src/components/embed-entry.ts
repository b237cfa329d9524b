// The entry of dist/garde-embed.js: the embeds' placeholder, which the drop-in loads as soon as the
// page holds a blocked embed (src/components/on-demand.script.ts); small, so that a page with an
// embed does not download the dialog. Like garde-ui.js, it renders with the drop-in's lit-html
// and GardeElement (window.gardeKit, ui-kit.ts), and meets the drop-in otherwise only through
// garde's public API and GardePlaceholder.mount(garde).
import { completeStrings } from '../i18n/complete-strings.js';
import { definePlaceholder } from './placeholder/define-placeholder.js';

completeStrings();
definePlaceholder();
