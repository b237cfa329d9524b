import type { ReactiveController } from 'lit';
import type { Lang, LocalisedText } from '../core/types.js';
import { localisedText, translations, type Translation } from '../i18n/index.js';
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
  strings: Translation = translations.en;

  constructor(private __host: GardeHost) {
    __host.addController(this);
  }

  hostUpdate(): void {
    this.lang = this.__host.garde?.lang ?? 'en';
    this.strings = translations[this.lang];
  }

  /** A config text in the current language, else in another language, else `fallback`. */
  text = (value: LocalisedText | undefined, fallback?: string): string =>
    localisedText(value, this.lang, fallback);
}
