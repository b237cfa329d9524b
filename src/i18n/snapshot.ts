// The snapshot of what garde's UI shows in one language (the wire's `Snapshot`): the drop-in gives
// its serialisation to init(), whose receipts then carry its hash as `shown`. Built from the same
// strings and config texts, with the same fallbacks, as the banner renders; the dialog and the
// placeholder render this structure itself (src/components/snapshot-of.ts).
import type {
  CookieInfo,
  Garde,
  GardeConfig,
  Lang,
  LocalisedText,
  Snapshot,
} from '../core/types.js';
import { VERSION } from '../core/version.js';
import { localisedText, uiStrings, type UiStrings } from './index.js';
import { NOTICE_VERSION } from './notice-version.js';
import { storageItems } from './storage-items.js';

/** What a service's `storage` keys are, as every list of them names it. */
const STORAGE_TERM = 'localStorage / sessionStorage';

/**
 * What a visitor of this instance could see when deciding: every string of the banner and the
 * dialog, the policy link and version, each category in order with its services, their cookies
 * and other storage keys (one given by name only: its name), and garde's own storage under
 * "necessary", in `garde.lang`; and garde's version. The one list of cookies and storage that the
 * dialog and `<garde-notice>` render.
 */
export const buildSnapshot = ({ config, lang }: Pick<Garde, 'config' | 'lang'>): Snapshot =>
  snapshotFrom(config, lang, uiStrings(config, lang));

/**
 * {@link buildSnapshot}'s snapshot from the strings `uiStrings(config, lang)` gave: what the
 * dialog and the placeholder render, with the strings their LocalizeController holds (the
 * on-demand files carry no languages of their own: src/components/snapshot-of.ts).
 */
export function snapshotFrom(config: GardeConfig, lang: Lang, given: UiStrings): Snapshot {
  // The strings the components render (LocalizeController), the site's own wording included;
  // garde's own storage, as items listed under "necessary".
  const strings = given;
  const storage = storageItems(config, strings);
  const text = (value: LocalisedText | undefined, fallback?: string) =>
    localisedText(value, lang, fallback);
  const services = Object.entries(config.services);
  // File size hack: every object's keys are written in sorted order (and `texts` sorted), so that
  // JSON.stringify writes the canonical serialisation (snapshotText), without canonicalJson in
  // the drop-in. test/i18n/snapshot.test.ts checks that the two agree.
  return {
    categories: Object.entries(config.categories).map(([name, category]) => ({
      description: text(category.description),
      label: text(category.label, name === 'necessary' ? strings.necessary : name),
      name,
      services: services
        .filter(([, service]) => service.category === name)
        .map(([serviceName, service]) => {
          // A cookie's or storage key's provider is its own, else its service's.
          const describe = (item: string | CookieInfo) => {
            const info: CookieInfo = typeof item === 'string' ? { name: item } : item;
            return {
              lifetime: text(info.lifetime),
              name: info.name,
              provider: text(info.provider ?? service.provider),
              purpose: text(info.purpose),
            };
          };
          return {
            cookies: service.cookies!.map(describe),
            description: text(service.description),
            label: text(service.label, serviceName),
            name: serviceName,
            provider: text(service.provider),
            storage: service.storage!.map((item) => ({ ...describe(item), term: STORAGE_TERM })),
          };
        }),
      storage: name === 'necessary' ? storage : [],
    })),
    lang,
    notice: NOTICE_VERSION,
    policy: { url: text(config.policy.url), version: config.policy.version },
    texts: Object.fromEntries(Object.entries(strings).sort(([a], [b]) => (a < b ? -1 : 1))),
    v: VERSION,
  };
}

/**
 * The canonical serialisation of {@link buildSnapshot}'s snapshot, which `init()` hashes into
 * each receipt's `shown`: `init(config, { snapshot: snapshotText })`.
 */
export const snapshotText = (garde: Pick<Garde, 'config' | 'lang'>): string =>
  JSON.stringify(buildSnapshot(garde));
