import type { ReactiveController } from 'lit';
import { resolveLang } from '../core/lang.js';
import type { Lang, LocalisedText } from '../core/types.js';
import { localisedText, translations, uiStrings, type UiStrings } from '../i18n/index.js';
import type { GardeHost } from './consent-controller.js';

/**
 * Gives its host the language to render in and the strings for it, worked out again before each
 * render: the language of the host's garde instance (`garde.lang`), which is the one its receipts
 * record, and nothing else (no element `lang`, no later change of `<html lang>`); English while
 * there is no instance. `garde.setLang()` changes it: the host renders again.
 */
export class LocalizeController implements ReactiveController {
  /** The language of the current render. */
  lang: Lang = resolveLang();
  /** The strings in `lang`: garde's, with the site's own wording over them (`uiStrings`). */
  strings = translations[this.lang] as UiStrings;

  constructor(private __host: GardeHost) {
    __host.addController(this);
  }

  // `garde.setLang()` announces a new language on document: render again in it.
  private __rerender = () => this.__host.requestUpdate();

  hostConnected(): void {
    document.addEventListener('garde:lang', this.__rerender);
  }

  hostDisconnected(): void {
    document.removeEventListener('garde:lang', this.__rerender);
  }

  hostUpdate(): void {
    const garde = this.__host.garde;
    this.lang = garde?.lang ?? 'en';
    if (garde) this.strings = uiStrings(garde.config, this.lang);
  }

  /** A config text in the current language, else in another language, else `fallback`. */
  text = (value: LocalisedText | undefined, fallback?: string): string =>
    localisedText(value, this.lang, fallback);
}
