import type { Translation } from './translation.js';

/** Nederlands. */
export const nl: Translation = {
  title: 'Cookies op deze website',
  text: 'Deze website gebruikt alleen noodzakelijke cookies, tenzij u andere aanvaardt, bijvoorbeeld om bezoeken te meten. U kunt uw keuze altijd wijzigen.',
  accept: 'Alles accepteren',
  reject: 'Alles weigeren',
  customise: 'Aanpassen',
  intro: 'Kies welke cookies we mogen gebruiken. Noodzakelijke cookies staan altijd aan.',
  save: 'Mijn keuzes opslaan',
  close: 'Sluiten',
  necessary: 'Noodzakelijk',
  services: 'Diensten en cookies',
  provider: 'Aanbieder',
  purpose: 'Doel',
  lifetime: 'Bewaartermijn',
  id: 'Toestemmings-ID',
  policy: 'Cookiebeleid',
  settings: 'Cookie-instellingen',
  embedFrom: 'Inhoud van',
  embedBlocked: 'Deze inhoud blijft geblokkeerd tot u de cookies ervan aanvaardt.',
  embedLoad: 'Accepteren en laden',
};
