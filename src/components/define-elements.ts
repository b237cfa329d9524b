import { GardeBanner } from './banner/banner.js';
import { GardePreferences } from './preferences/preferences.js';
import { GardePolicyLink } from './policy-link/policy-link.js';
import { GardePlaceholder } from './placeholder/placeholder.js';

/**
 * Defines `<garde-banner>`, `<garde-preferences>`, `<garde-policy-link>` and `<garde-placeholder>`;
 * safe to call twice.
 */
export function defineElements(): void {
  for (const [name, element] of [
    ['garde-banner', GardeBanner],
    ['garde-preferences', GardePreferences],
    ['garde-policy-link', GardePolicyLink],
    ['garde-placeholder', GardePlaceholder],
  ] as const)
    if (!customElements.get(name)) customElements.define(name, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'garde-banner': GardeBanner;
    'garde-preferences': GardePreferences;
    'garde-policy-link': GardePolicyLink;
  }
}
