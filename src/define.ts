// Side-effect entry (`garde/define`): defines <garde-banner>, <garde-preferences> and
// <garde-policy-link> for pages that place the elements themselves.
import { defineElements } from './components/define-elements.js';

defineElements();
