import type { ReactiveController } from 'lit';
import type { Lang, LocalisedText } from '../core/types.js';
import { text, translations, type Translation } from '../i18n/index.js';
import type { GardeHost } from './consent-controller.js';

/**
 * Gives its host the language to render in and the strings for it, worked out again before each
 * render: the language of the host's garde instance (`garde.lang`), which is the one its receipts
 * record, and nothing else (no element `lang`, no later change of `<html lang>`); English while
 * there is no instance.
 */
export class LocalizeController implements ReactiveController {
  /** The language of the current render. */
  lang: Lang = 'en';
  /** The built-in strings in `lang`. */
  t: Translation = translations.en;

  constructor(private host: GardeHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.lang = this.host.g?.lang ?? 'en';
    this.t = translations[this.lang];
  }

  /** A config text in the current language, falling back to another language, then to `fallback`. */
  text(v: LocalisedText | undefined, fallback?: string): string {
    return text(v, this.lang, fallback);
  }
}
