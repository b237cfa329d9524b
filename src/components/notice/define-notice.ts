import { GardeNotice } from './notice.js';

/** Defines `<garde-notice>`; safe to call twice. */
export function defineNotice(): void {
  if (!customElements.get('garde-notice')) customElements.define('garde-notice', GardeNotice);
}

declare global {
  interface HTMLElementTagNameMap {
    'garde-notice': GardeNotice;
  }
}
