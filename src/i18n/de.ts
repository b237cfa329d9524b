import type { Translation } from './translation.js';

/** Deutsch. */
export const de: Translation = {
  title: 'Cookies auf dieser Website',
  text: 'Diese Website verwendet nur notwendige Cookies, außer Sie stimmen weiteren zu, etwa zur Messung von Besuchen. Sie können Ihre Wahl jederzeit ändern.',
  accept: 'Alle akzeptieren',
  reject: 'Alle ablehnen',
  customise: 'Anpassen',
  intro: 'Wählen Sie, welche Cookies wir verwenden dürfen. Notwendige Cookies sind immer aktiv.',
  save: 'Auswahl speichern',
  close: 'Schließen',
  necessary: 'Notwendig',
  services: 'Dienste und Cookies',
  provider: 'Anbieter',
  purpose: 'Zweck',
  lifetime: 'Speicherdauer',
  id: 'Einwilligungs-ID',
  policy: 'Cookie-Richtlinie',
  settings: 'Cookie-Einstellungen',
  embedFrom: 'Inhalt von',
  embedBlocked: 'Er bleibt blockiert, bis Sie seine Cookies akzeptieren.',
  embedLoad: 'Akzeptieren und laden',
};
