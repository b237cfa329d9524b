// The entry of dist/garde-notice.js: `<garde-notice>`, which the drop-in loads only on a page that
// holds one (notice/on-demand.script.ts). Self-contained, like dist/garde-ui.js: it meets the
// drop-in only through `window.garde` and garde's public API.
import { completeStrings } from '../../i18n/complete-strings.js';
import { defineNotice } from './define-notice.js';

completeStrings();
defineNotice();
