// <garde-notice> with the demo's own config, in the four languages: what an auditor holds against
// the site (every cookie and storage key with purpose and lifetime, garde's own storage, the
// retention figures), axe, and the button a visitor uses to change their mind.
import { expect, waitUntil } from '@open-wc/testing';
import { init } from '../../src/core/init.js';
import type { Garde, GardeConfigInput, Lang, LocalisedText } from '../../src/core/types.js';
import { mountUi } from '../../src/components/mount.js';
import { localisedText, uiStrings } from '../../src/i18n/index.js';
import { buildSnapshot, snapshotText } from '../../src/i18n/snapshot.js';
import { snapshotHash } from '../../src/wire/snapshot.js';
import { noticeTranslations } from '../../src/i18n/notice/index.js';
import { BUTTONS, dialog, LANGS, reset } from './helpers.js';

/** The config of the demo page in `lang` (demo/<lang>/index.html), as the drop-in reads it. */
async function demoConfig(lang: Lang): Promise<GardeConfigInput> {
  const page = await (await fetch(`/demo/${lang}/index.html`)).text();
  const document = new DOMParser().parseFromString(page, 'text/html');
  return JSON.parse(document.getElementById('garde-config')!.textContent!);
}

const stops: Array<() => void> = [];

/** A page holding a `<garde-notice>`, then garde started and mounted on it as garde.js does. */
async function noticePage(config: GardeConfigInput, lang: Lang) {
  document.documentElement.lang = lang;
  const notice = document.createElement('garde-notice');
  notice.dataset.test = '';
  document.body.append(notice);
  const garde = init(config);
  const unmount = mountUi(garde);
  stops.push(unmount, () => garde.destroy());
  await customElements.whenDefined('garde-notice');
  await notice.updateComplete;
  return { garde, notice, root: notice.shadowRoot! };
}

/**
 * Each table row of the notice: the name, the type (below the name), then the texts of the
 * provider, purpose and lifetime cells.
 */
const rows = (root: ShadowRoot) =>
  [...root.querySelectorAll('tbody tr')].map((row) => {
    const [head, ...cells] = [...row.children];
    const name = head!.querySelector('code')!.textContent!;
    const type = head!.textContent!.replace(name, '').trim();
    return [name, type, ...cells.map((cell) => cell.textContent!.trim())];
  });

const text = (lang: Lang, value: LocalisedText | undefined) => localisedText(value, lang);

const days = (lang: Lang, count: number) =>
  new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(count);

describe('<garde-notice>', () => {
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    await reset();
  });

  for (const lang of LANGS)
    it(`${lang}: the demo's notice lists what the config and garde store, and opens the settings`, async () => {
      const config = await demoConfig(lang);
      const { garde, notice, root } = await noticePage(config, lang);
      const text = (value: LocalisedText | undefined) => localisedText(value, lang);
      const table = rows(root);
      const row = (name: string) => table.find(([cell]) => cell === name);

      // Every cookie and storage key of every service, with its purpose and lifetime as given.
      let declared = 0;
      for (const service of Object.values(config.services!))
        for (const item of [...(service.cookies ?? []), ...(service.storage ?? [])]) {
          declared++;
          expect(typeof item, 'the demo describes each one').to.equal('object');
          if (typeof item === 'string') continue;
          const [, , , purpose, lifetime] = row(item.name) ?? [];
          expect(text(item.purpose), item.name).to.not.equal('');
          expect(text(item.lifetime), item.name).to.not.equal('');
          expect([purpose, lifetime], item.name).to.deep.equal([
            text(item.purpose),
            text(item.lifetime),
          ]);
        }
      expect(declared).to.equal(4);

      // garde's own storage, the consent cookie's lifetime as configured (182 days by default).
      expect(row('garde_consent')?.[4]).to.equal(days(lang, garde.config.cookie.days));
      expect(row('garde')?.[1]).to.equal('IndexedDB');
      expect(row('garde.sid')?.[1], 'the session id, after consent').to.equal('sessionStorage');

      // The retention figures are the config's.
      const whole = root.textContent!;
      expect(whole).to.contain(days(lang, config.retention!.records!));
      expect(whole).to.contain(days(lang, config.retention!.analytics!));
      // The site's own parts, from its texts.
      expect(whole).to.contain(config.texts![lang]!.controller);
      expect(whole).to.contain(config.texts![lang]!.contact);
      expect(
        notice.shadowRoot!.querySelector('h2')!.closest('[lang]')!.getAttribute('lang'),
      ).to.equal(lang);

      await expect(notice).to.be.accessible();

      // A visitor changes their mind: the button opens the dialog.
      const button = root.querySelector<HTMLButtonElement>('button[part~=button]')!;
      expect(button.textContent!.trim()).to.equal(BUTTONS[lang].settings);
      button.click();
      await waitUntil(() => dialog()?.open, 'the dialog opens');
    });

  it('a changed cookie description changes the notice, the dialog and the snapshot hash together', async () => {
    const before = await demoConfig('en');
    const after = structuredClone(before);
    const video = after.services!.video!.cookies![0] as { purpose: LocalisedText };
    video.purpose = { ...(video.purpose as object), en: 'Count the plays of each video' };

    const seen = async (config: GardeConfigInput) => {
      const { garde, root } = await noticePage(config, 'en');
      const purpose = rows(root).find(([name]) => name === 'video_visitor')![3];
      (garde as Garde).showPreferences();
      await waitUntil(() => dialog()?.open, 'the dialog opens');
      const cookie = [
        ...document
          .querySelector('garde-preferences')!
          .shadowRoot!.querySelectorAll('[part=cookie]'),
      ].find((item) => item.textContent!.includes('video_visitor'))!;
      const hash = await snapshotHash(buildSnapshot(garde));
      for (const stop of stops.splice(0)) stop();
      await reset();
      return { purpose, dialog: cookie.textContent!, hash };
    };
    const first = await seen(before);
    const second = await seen(after);
    expect(first.purpose).to.equal('Recognise the visitor');
    expect(second.purpose).to.equal('Count the plays of each video');
    expect(first.dialog).to.contain('Recognise the visitor');
    expect(second.dialog).to.contain('Count the plays of each video');
    expect(second.hash).to.be.a('string').and.not.equal(first.hash);
  });
});

/** An item of a list of cookies and storage: term, name, provider, purpose, lifetime. */
type Listed = [string, string, string, string, string];

/** The notice's rows, as items ('' where a cell says "not stated"; the provider without its service). */
function noticeItems(root: ShadowRoot, notStated: string): Listed[] {
  const given = (text: string) => (text === notStated ? '' : text);
  return [...root.querySelectorAll('tbody tr')].map((row) => {
    const [head, providerCell, purpose, lifetime] = [...row.children];
    const name = head!.querySelector('code')!.textContent!;
    // The provider cell: the provider, a <br>, the service that sets it.
    const nodes = [...providerCell!.childNodes];
    const provider = nodes
      .slice(
        0,
        nodes.findIndex((node) => node.nodeName === 'BR'),
      )
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('');
    return [
      head!.textContent!.replace(name, '').trim(),
      name,
      given(provider.trim()),
      given(purpose!.textContent!.trim()),
      given(lifetime!.textContent!.trim()),
    ];
  });
}

/** The dialog's items: each `<dl part=cookie>`, its first term and value, then the others by term. */
function dialogItems(lang: Lang, config: Garde['config']): Listed[] {
  const { provider, purpose, lifetime } = uiStrings(config, lang);
  const lists = document
    .querySelector('garde-preferences')!
    .shadowRoot!.querySelectorAll('dl[part~=cookie]');
  return [...lists].map((list) => {
    const terms = [...list.querySelectorAll('dt')].map((term) => term.textContent!.trim());
    const values = [...list.querySelectorAll('dd')].map((value) => value.textContent!.trim());
    const value = (term: string) => values[terms.indexOf(term)] ?? '';
    return [terms[0]!, values[0]!, value(provider), value(purpose), value(lifetime)];
  });
}

/** The snapshot's items, in the order the dialog and the notice list them. */
function snapshotItems(text: string): Listed[] {
  type Item = { term?: string; name: string; provider: string; purpose: string; lifetime: string };
  type Service = { cookies: Item[]; storage?: Item[] };
  const { categories } = JSON.parse(text) as {
    categories: Array<{ storage?: Item[]; services: Service[] }>;
  };
  const listed = (term: string) => (item: Item) =>
    [item.term ?? term, item.name, item.provider, item.purpose, item.lifetime] as Listed;
  return categories.flatMap((category) => [
    ...(category.storage ?? []).map(listed('')),
    ...category.services.flatMap((service) => [
      ...service.cookies.map(listed('Cookie')),
      ...(service.storage ?? []).map(listed('')),
    ]),
  ]);
}

describe('<garde-notice>, the dialog and the snapshot: one list of cookies and storage', () => {
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    await reset();
  });

  for (const lang of LANGS)
    it(`${lang}: each lists every cookie and storage key the others list, alike`, async () => {
      const config = await demoConfig(lang);
      // Both analytics ids, a storage key and a cookie given by name alone.
      config.analytics = { ...config.analytics, afterConsent: ['session', 'persistentId'] };
      const video = config.services!.video!;
      video.storage = [...(video.storage ?? []), 'yt-player-*'];
      video.cookies = [...(video.cookies ?? []), 'VISITOR_INFO1_LIVE'];
      const { garde, root } = await noticePage(config, lang);
      garde.showPreferences();
      await waitUntil(() => dialog()?.open, 'the dialog opens');

      const inNotice = noticeItems(root, noticeTranslations[lang].notStated);
      const inDialog = dialogItems(lang, garde.config);
      // What garde.js hashes into each receipt's `shown`.
      const inSnapshot = snapshotItems(snapshotText(garde));
      expect(inDialog).to.deep.equal(inSnapshot);
      expect(inNotice).to.deep.equal(inSnapshot);

      // Not three empty lists: the services' cookies and storage keys, and garde's own storage.
      const names = inSnapshot.map(([, name]) => name);
      const declared = Object.values(config.services!).flatMap((service) =>
        [...(service.cookies ?? []), ...(service.storage ?? [])].map((item) =>
          typeof item === 'string' ? item : item.name,
        ),
      );
      expect(names).to.include.members([
        ...declared,
        'garde_consent',
        'garde',
        'garde.sid',
        'garde.uid',
      ]);
      const site = uiStrings(garde.config, lang).site;
      expect(inSnapshot.find(([, name]) => name === 'garde.uid')).to.deep.equal([
        'localStorage',
        'garde.uid',
        site,
        uiStrings(garde.config, lang).persistentId,
        uiStrings(garde.config, lang).persistentIdLifetime,
      ]);
      // Each service's provider, in the notice's list of services and under its name in the dialog.
      const services = JSON.parse(snapshotText(garde)).categories.flatMap(
        (category: { services: unknown[] }) => category.services,
      ) as Array<{ label: string; provider: string }>;
      const serviceBlocks = [
        ...document
          .querySelector('garde-preferences')!
          .shadowRoot!.querySelectorAll('[part~=service]'),
      ];
      const listed = [...root.querySelectorAll('[part~=services] li')];
      for (const { label, provider } of services.filter((service) => service.provider)) {
        const inDialog = serviceBlocks.find(
          (block) => block.querySelector('h3')!.textContent === label,
        );
        expect(inDialog?.querySelector('[part~=provider] dd')?.textContent, label).to.equal(
          provider,
        );
        expect(listed.find((item) => item.textContent!.includes(label))?.textContent).to.contain(
          provider,
        );
      }
      expect(services.filter((service) => service.provider)).to.not.be.empty;
      expect(inSnapshot.find(([, name]) => name === 'yt-player-*')).to.deep.equal([
        'localStorage / sessionStorage',
        'yt-player-*',
        text(lang, config.services!.video!.provider),
        '',
        '',
      ]);
    });
});
