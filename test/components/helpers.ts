// Shared set-up for the UI tests: the real core (init) with an institute-like config in four
// languages, the UI mounted as the drop-in does, and a clean slate between tests.
import { waitUntil } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import { a11ySnapshot, executeServerCommand } from '@web/test-runner-commands';
import { init } from '../../src/core/init.js';
import type { Garde, Lang } from '../../src/core/types.js';
import { setCurrentGarde } from '../../src/core/instance.js';
import { mountUi } from '../../src/components/mount.js';

export const LANGS: Lang[] = ['fr', 'nl', 'de', 'en'];

/** The strings the issue fixes for the buttons, per language. */
export const BUTTONS = {
  en: {
    accept: 'Accept all',
    reject: 'Reject all',
    customise: 'Customise',
    save: 'Save my choices',
    settings: 'Cookie settings',
  },
  fr: {
    accept: 'Tout accepter',
    reject: 'Tout refuser',
    customise: 'Personnaliser',
    save: 'Enregistrer mes choix',
    settings: 'Paramètres des cookies',
  },
  nl: {
    accept: 'Alles accepteren',
    reject: 'Alles weigeren',
    customise: 'Aanpassen',
    save: 'Mijn keuzes opslaan',
    settings: 'Cookie-instellingen',
  },
  de: {
    accept: 'Alle akzeptieren',
    reject: 'Alle ablehnen',
    customise: 'Anpassen',
    save: 'Auswahl speichern',
    settings: 'Cookie-Einstellungen',
  },
};

/** A config like the demo's: analytics (Matomo) and marketing (a video player), texts in four languages. */
export const config = (extra: Record<string, unknown> = {}) => ({
  policy: {
    url: { fr: '/fr/vie-privee', nl: '/nl/privacy', de: '/de/datenschutz', en: '/en/privacy' },
    version: '2020-12-07',
  },
  categories: {
    analytics: {
      label: {
        fr: 'Mesure d’audience',
        nl: 'Bezoekersstatistieken',
        de: 'Besuchsstatistik',
        en: 'Audience measurement',
      },
      description: {
        fr: 'Compter les visites pour améliorer le site.',
        nl: 'Bezoeken tellen om de website te verbeteren.',
        de: 'Besuche zählen, um die Website zu verbessern.',
        en: 'Counting visits to improve the site.',
      },
    },
    marketing: {
      label: {
        fr: 'Vidéos intégrées',
        nl: 'Ingesloten video’s',
        de: 'Eingebettete Videos',
        en: 'Embedded videos',
      },
      description: {
        fr: 'Lire les vidéos d’un autre site.',
        nl: 'Video’s van een andere website afspelen.',
        de: 'Videos einer anderen Website abspielen.',
        en: 'Playing videos from another site.',
      },
    },
  },
  services: {
    matomo: {
      category: 'analytics',
      label: 'Matomo',
      provider: { fr: 'INAMI', nl: 'RIZIV', de: 'LIKIV', en: 'NIHDI' },
      cookies: [
        {
          name: '_pk_id.*',
          purpose: {
            fr: 'Reconnaître le visiteur',
            nl: 'De bezoeker herkennen',
            de: 'Den Besucher wiedererkennen',
            en: 'Recognise the visitor',
          },
          lifetime: { fr: '13 mois', nl: '13 maanden', de: '13 Monate', en: '13 months' },
        },
        {
          name: '_pk_ses.*',
          purpose: {
            fr: 'Regrouper une visite',
            nl: 'Een bezoek groeperen',
            de: 'Einen Besuch gruppieren',
            en: 'Group one visit',
          },
          lifetime: { fr: '30 minutes', nl: '30 minuten', de: '30 Minuten', en: '30 minutes' },
        },
      ],
      storage: ['_pk_*'],
    },
    video: {
      category: 'marketing',
      label: { fr: 'Lecteur vidéo', nl: 'Videospeler', de: 'Videoplayer', en: 'Video player' },
      cookies: [{ name: 'video_visitor', provider: 'Video' }],
    },
  },
  analytics: { autoPageview: false },
  recordEndpoint: null,
  analyticsEndpoint: null,
  floatingButton: false,
  ...extra,
});

const stops: Array<() => void> = [];

/** init() and mountUi(), as dist/garde.js does; undone by reset(). */
export function start(extra: Record<string, unknown> = {}): Garde {
  const g = init(config(extra));
  const off = mountUi(g);
  stops.push(off, () => g.destroy());
  return g;
}

/** A clean slate: UI unmounted, instance stopped, no cookie, no log, no storage, default page language. */
export async function reset(): Promise<void> {
  for (const f of stops.splice(0)) f();
  setCurrentGarde(null);
  for (const c of document.cookie.split(/; */)) {
    const name = c.split('=')[0];
    if (name) document.cookie = `${name}=;max-age=0;path=/`;
  }
  localStorage.clear();
  await clear(createStore('garde', 'log'));
  document.documentElement.lang = 'en';
  document.body
    .querySelectorAll('garde-banner, garde-preferences, garde-policy-link, [data-test]')
    .forEach((e) => e.remove());
}

/** The element focused in the page, through shadow roots. */
export function focused(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The first node in `el`'s shadow root matching `sel`. */
export const $ = <T extends Element = HTMLElement>(
  el: Element | null | undefined,
  sel: string,
): T => el!.shadowRoot!.querySelector(sel) as T;

/** The banner, preferences and policy-link elements in the page. */
export const banner = () => document.querySelector('garde-banner');
export const prefs = () => document.querySelector('garde-preferences')!;
export const dialog = () => $<HTMLDialogElement>(prefs(), 'dialog');

/** Saves a PNG of the page as test-artifacts/<name>.png (plugin in web-test-runner.config.mjs). */
export const screenshot = (name: string) => executeServerCommand('garde-screenshot', { name });

/** A tick for Lit to render and the browser to lay out. */
export const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

/**
 * Opens the dialog through the API and waits until it is open: on a loaded machine one frame is
 * not always enough.
 */
export async function openDialog(garde: Garde = prefs().garde!): Promise<void> {
  garde.showPreferences();
  await waitUntil(
    () => prefs()?.shadowRoot?.querySelector('dialog')?.open,
    'the dialog did not open',
    {
      timeout: 5000,
    },
  );
  await frame();
}

/** A node of Chromium's accessibility tree. */
export type AxNode = {
  role?: string;
  name?: string;
  checked?: boolean | 'mixed';
  disabled?: boolean;
  children?: AxNode[];
};

/** Every node of the page's accessibility tree, as Chromium computes it (through shadow roots). */
export async function axNodes(): Promise<AxNode[]> {
  const all = (n: AxNode): AxNode[] => [n, ...(n.children ?? []).flatMap(all)];
  return all((await a11ySnapshot({})) as unknown as AxNode);
}

/** The accessible names of the page's buttons. */
export const buttonNames = async () =>
  (await axNodes()).filter((n) => n.role === 'button').map((n) => n.name);
