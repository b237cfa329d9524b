// Validates the page's config: one console.error per invalid field, naming it and what was
// expected, then that field's safest fallback. Never throws. Scalar fields are described in a
// table (check, expectation, default) to keep the drop-in small.
import { LANGS } from './lang.js';
import { NAME } from './cookie-format.js';
import type { CategoryConfig, GardeConfig, ServiceConfig } from './types.js';

type Rec = Record<string, unknown>;
type Spec = [ok: (v: unknown) => boolean, expected: string, fallback: unknown];

const isObj = (v: unknown): v is Rec => !!v && typeof v == 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v == 'string';
const strs = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isText = (v: unknown) => isStr(v) || (isObj(v) && Object.entries(v).every(([k, t]) => LANGS.includes(k as never) && isStr(t)));
const bad = (path: string, expected: string) => console.error(`garde: config${path && "." + path}: expected ${expected}`);
const bool = (d: boolean): Spec => [(v) => typeof v == 'boolean', 'true or false', d];
const one = (...v: string[]): Spec => [(x) => v.includes(x as string), v.map((x) => `"${x}"`).join(' or '), v[0]];
const url: Spec = [
  (v) => {
    try {
      return v === null || (isStr(v) && /^https?:$/.test(new URL(v, location.href).protocol));
    } catch {
      return false;
    }
  },
  'a http(s) URL or null',
  null,
];
const EXTRAS = ['referrer', 'minor', 'screen', 'session', 'persistentId'];
const DROPPED = ' (entry dropped)';

const SPEC: Record<string, Spec> = {
  'cookie.name': [(v) => isStr(v) && NAME.test(v), 'a name of letters, digits, _ and -', 'garde_consent'],
  'cookie.days': [(v) => typeof v == 'number' && v > 0 && v <= 400, 'a number of days from 1 to 400', 182],
  // A domain the page is not on would make the browser drop the cookie: the visitor asked on every page.
  'cookie.domain': [(v) => isStr(v) && ('.' + location.hostname).endsWith('.' + v.replace(/^\./, '')), 'this host or one of its parent domains', undefined],
  recordEndpoint: url,
  analyticsEndpoint: url,
  'analytics.autoPageview': bool(true),
  'analytics.preConsent': one('anonymous', 'none'),
  'analytics.queryAllowlist': [strs, 'an array of strings', []],
  'analytics.afterConsent': [(v) => strs(v) && v.every((x) => EXTRAS.includes(x)), 'an array of ' + EXTRAS.join(', '), EXTRAS.slice(0, 4)],
  'analytics.category': [isStr, 'a category name', 'analytics'],
  'integrations.consentMode': bool(false),
  'integrations.matomo': bool(false),
  gpc: one('refuse', 'ignore'),
  lang: one('auto', ...LANGS),
  reloadOnRefusal: bool(false),
  floatingButton: bool(true),
};

/** Copies the localised texts of a category or service; an invalid one is reported and dropped. */
function texts(o: Rec, path: string, keys: string[]): Rec {
  const r: Rec = {};
  for (const k of keys) if (o[k] !== undefined) isText(o[k]) ? (r[k] = o[k]) : bad(path + k, 'a string or an object of fr/nl/de/en strings');
  return r;
}

/** The validated config with every default filled in; `necessary` is always the first category. */
export function validateConfig(input: unknown): GardeConfig {
  const c = isObj(input) ? input : (bad('', 'an object; every non-necessary category stays refused'), {} as Rec);
  const out: Rec = {};
  const subs: Record<string, Rec> = {};
  const sub = (k: string) => (subs[k] ??= c[k] === undefined ? {} : isObj(c[k]) ? c[k] : (bad(k, 'an object'), {}));
  for (const k in c) if (!/^(policy|categories|services)$/.test(k) && !Object.keys(SPEC).some((p) => p.split('.')[0] == k)) console.warn(`garde: config.${k} is unknown and ignored`);

  for (const [path, [ok, expected, fallback]] of Object.entries(SPEC)) {
    const [a, b] = path.split('.') as [string, string?];
    const src = b ? sub(a) : c;
    const dst = b ? ((out[a] as Rec) ??= {}) : out;
    const k = b ?? a;
    dst[k] = src[k] === undefined ? fallback : ok(src[k]) ? src[k] : (bad(path, expected), fallback);
  }

  // Without a valid policy version no stored decision can be trusted: the visitor is asked on every page.
  const p = isObj(c.policy) ? c.policy : (c == input && bad('policy', 'an object { url, version }'), null);
  out.policy = {
    url: p && !isText(p.url) ? (bad('policy.url', 'a URL, or one per language'), '') : (p?.url ?? ''),
    version: p && !(isStr(p.version) && p.version) ? (bad('policy.version', 'a non-empty string; the visitor is asked on every page'), '') : (p?.version ?? ''),
  };

  const categories: Record<string, CategoryConfig> = (out.categories = { necessary: {} });
  for (const [name, v] of Object.entries(sub('categories')))
    if (!NAME.test(name)) bad('categories.' + name, 'a name of letters, digits, _ and -' + DROPPED);
    else if (!isObj(v)) bad('categories.' + name, 'an object' + DROPPED);
    else categories[name] = texts(v, `categories.${name}.`, ['label', 'description']);

  const services: Record<string, ServiceConfig> = (out.services = {});
  for (const [name, v] of Object.entries(sub('services'))) {
    const path = 'services.' + name;
    if (!NAME.test(name) || name in categories) bad(path, 'a name of letters, digits, _ and -, unlike any category' + DROPPED);
    else if (!isObj(v) || !isStr(v.category) || !(v.category in categories)) bad(path + '.category', 'the name of a configured category' + DROPPED);
    else {
      const list = (k: 'cookies' | 'storage', ok: (x: unknown) => boolean) =>
        v[k] === undefined ? [] : Array.isArray(v[k]) ? v[k].filter((x, i) => ok(x) || (bad(`${path}.${k}[${i}]`, 'a name pattern' + DROPPED), 0)) : (bad(`${path}.${k}`, 'an array'), []);
      services[name] = {
        category: v.category,
        ...texts(v, path + '.', ['label', 'description', 'provider']),
        cookies: list('cookies', (x) => isStr(x) || (isObj(x) && isStr(x.name))),
        storage: list('storage', isStr),
      } as ServiceConfig;
    }
  }
  return out as unknown as GardeConfig;
}
