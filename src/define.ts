// Side-effect entry (`garde/define`): defines <garde-banner>, <garde-preferences>,
// <garde-policy-link> and <garde-placeholder> for pages that place the elements themselves.
import { defineElements } from './components/define-elements.js';
import { prepareOnDemand } from './components/on-demand.js';

defineElements();
prepareOnDemand();
