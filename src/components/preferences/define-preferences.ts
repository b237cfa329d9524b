import { GardePreferences } from './preferences.js';

/** Defines `<garde-preferences>`; safe to call twice. */
export function definePreferences(): void {
  if (!customElements.get('garde-preferences'))
    customElements.define('garde-preferences', GardePreferences);
}
