// Side-effect entry (`garde/define`): defines <garde-banner>, <garde-preferences>,
// <garde-policy-link>, <garde-placeholder> and <garde-notice> for pages that place the elements themselves.
import { defineElements } from './components/define-elements.js';
import { prepareOnDemand } from './components/on-demand.js';
import { defineNotice } from './components/notice/define-notice.js';

defineElements();
prepareOnDemand();
defineNotice();
