import type { Translation } from './translation.js';

/** English. */
export const en: Translation = {
  title: 'Cookies on this site',
  text: 'This site only uses the cookies it needs, unless you agree to others, for example to measure visits. You can change your mind at any time.',
  accept: 'Accept all',
  reject: 'Reject all',
  customise: 'Customise',
  intro: 'Choose which cookies we may use. Necessary cookies are always on.',
  save: 'Save my choices',
  close: 'Close',
  necessary: 'Necessary',
  services: 'Services and cookies',
  provider: 'Provider',
  purpose: 'Purpose',
  lifetime: 'Lifetime',
  id: 'Consent ID',
  policy: 'Cookie policy',
  settings: 'Cookie settings',
  embedFrom: 'Content from',
  embedBlocked: 'It stays blocked until you accept its cookies.',
  embedLoad: 'Accept and load',
};
