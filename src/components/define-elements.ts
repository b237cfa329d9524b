import { GardeBanner } from './banner/banner.js';
import type { GardePreferences } from './preferences/preferences.js';
import { GardePolicyLink } from './policy-link/policy-link.js';

/**
 * Defines `<garde-banner>` and `<garde-policy-link>`; safe to call twice. `<garde-preferences>` and
 * `<garde-placeholder>` have their own `definePreferences()` and `definePlaceholder()`, so that
 * the drop-in can load them on demand (on-demand.script.ts).
 */
export function defineElements(): void {
  for (const [name, element] of [
    ['garde-banner', GardeBanner],
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
