import { GardePlaceholder } from './placeholder.js';

/** Defines `<garde-placeholder>`; safe to call twice. */
export function definePlaceholder(): void {
  if (!customElements.get('garde-placeholder'))
    customElements.define('garde-placeholder', GardePlaceholder);
}
