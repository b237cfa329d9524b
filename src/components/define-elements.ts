import { GardeBanner } from './banner/banner.js';
import { GardePreferences } from './preferences/preferences.js';
import { GardePolicyLink } from './policy-link/policy-link.js';

/**
 * Defines `<garde-banner>`, `<garde-preferences>` and `<garde-policy-link>`; safe to call twice.
 */
export function defineElements(): void {
  for (const [name, element] of [
    ['garde-banner', GardeBanner],
    ['garde-preferences', GardePreferences],
    ['garde-policy-link', GardePolicyLink],
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
