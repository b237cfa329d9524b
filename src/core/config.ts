// Validates the page's config: one console.error per invalid field, naming it and what was
// expected, then that field's safest fallback. Never throws.
import { LANGS } from './lang.js';
import { NAME } from './cookie-format.js';
import type { CategoryConfig, CookieInfo, GardeConfig, ServiceConfig } from './types.js';

type Rec = Record<string, unknown>;
const isObj = (v: unknown): v is Rec => !!v && typeof v == 'object' && !Array.isArray(v);
const isBool = (v: unknown) => typeof v == 'boolean';
const isStr = (v: unknown): v is string => typeof v == 'string';
const isText = (v: unknown) => isStr(v) || (isObj(v) && Object.entries(v).every(([k, t]) => LANGS.includes(k as never) && isStr(t)));
const TEXT = 'a string or an object of fr/nl/de/en strings';
const bad = (path: string, expected: string) => console.error(`garde: config.${path}: expected ${expected}`);
const oneOf = (...v: unknown[]) => (x: unknown) => v.includes(x);

/** Reads `o[k]`: undefined gives the default silently; an invalid value is reported and gives the default. */
function field<T>(o: Rec, k: string, path: string, ok: (v: unknown) => boolean, expected: string, def: T): T {
  const v = o[k];
  if (v === undefined) return def;
  if (ok(v)) return v as T;
  bad(path + k, expected);
  return def;
}

/** Texts of a category or service: invalid ones are dropped. */
function texts(o: Rec, path: string, keys: string[]) {
  const r: Rec = {};
  for (const k of keys) if (o[k] !== undefined) r[k] = field(o, k, path, isText, TEXT, undefined);
  return r;
}

function endpoint(v: unknown) {
  try {
    return v === null || (isStr(v) && /^https?:$/.test(new URL(v, location.href).protocol));
  } catch {
    return false;
  }
}

const KEYS = 'policy categories services cookie recordEndpoint analyticsEndpoint analytics integrations gpc lang reloadOnRefusal floatingButton'.split(' ');

/** The validated config with every default filled in; `necessary` is always the first category. */
export function validateConfig(input: unknown): GardeConfig {
  let c: Rec = {};
  if (isObj(input)) c = input;
  else bad('', 'an object (the whole config); every non-necessary category stays refused');
  for (const k in c) if (!KEYS.includes(k)) console.warn(`garde: config.${k} is unknown and ignored`);

  const p = isObj(c.policy) ? c.policy : (bad('policy', 'an object { url, version }'), {});
  const policy = {
    url: (isText(p.url) ? p.url : (p === c.policy && bad('policy.url', TEXT), '')) as GardeConfig['policy']['url'],
    // Without a version no stored decision can be trusted: the visitor is asked on every page.
    version: isStr(p.version) && p.version ? p.version : (p === c.policy && bad('policy.version', 'a non-empty string; the visitor is asked again on every page'), ''),
  };

  const categories: Record<string, CategoryConfig> = { necessary: {} };
  const inCats = field(c, 'categories', '', isObj, 'an object of categories', {} as Rec);
  for (const [name, v] of Object.entries(inCats)) {
    if (!NAME.test(name)) bad(`categories.${name}`, 'a name of letters, digits, _ and - (entry dropped)');
    else if (!isObj(v)) bad(`categories.${name}`, 'an object (entry dropped)');
    else categories[name] = texts(v, `categories.${name}.`, ['label', 'description']);
  }

  const services: Record<string, ServiceConfig> = {};
  const inSvcs = field(c, 'services', '', isObj, 'an object of services', {} as Rec);
  for (const [name, v] of Object.entries(inSvcs)) {
    const path = `services.${name}`;
    if (!NAME.test(name) || name in categories) bad(path, 'a name of letters, digits, _ and -, unlike any category (entry dropped)');
    else if (!isObj(v) || !isStr(v.category) || !(v.category in categories)) bad(path + '.category', 'the name of a configured category (entry dropped)');
    else {
      const s = { category: v.category, ...texts(v, path + '.', ['label', 'description', 'provider']) } as ServiceConfig;
      const ck = field(v, 'cookies', path + '.', Array.isArray, 'an array', [] as unknown[]);
      s.cookies = ck.filter((x, i): x is string | CookieInfo => isStr(x) || (isObj(x) && isStr(x.name)) || (bad(`${path}.cookies[${i}]`, 'a cookie name pattern or { name } (entry dropped)'), false));
      const st = field(v, 'storage', path + '.', Array.isArray, 'an array', [] as unknown[]);
      s.storage = st.filter((x, i): x is string => isStr(x) || (bad(`${path}.storage[${i}]`, 'a storage key pattern (entry dropped)'), false));
      services[name] = s;
    }
  }

  const ck = field(c, 'cookie', '', isObj, 'an object { name, days, domain }', {} as Rec);
  const cookie: GardeConfig['cookie'] = {
    name: field(ck, 'name', 'cookie.', (v) => isStr(v) && /^[\w-]{1,64}$/.test(v), 'a cookie name of letters, digits, _ and -', 'garde_consent'),
    days: field(ck, 'days', 'cookie.', (v) => typeof v == 'number' && v > 0 && v <= 400, 'a number of days from 1 to 400', 182),
  };
  // A domain the page is not on would make the browser drop the cookie silently: the visitor asked on every page.
  const domain = field(ck, 'domain', 'cookie.', (v) => isStr(v) && ('.' + location.hostname).endsWith('.' + v.replace(/^\./, '')), `this host or a parent domain of ${location.hostname}`, '');
  if (domain) cookie.domain = domain;

  const a = field(c, 'analytics', '', isObj, 'an object', {} as Rec);
  const i = field(c, 'integrations', '', isObj, 'an object', {} as Rec);
  const strs = (v: unknown) => Array.isArray(v) && v.every(isStr);
  const url = 'a http(s) URL or null';
  return {
    policy,
    categories,
    services,
    cookie,
    recordEndpoint: field(c, 'recordEndpoint', '', endpoint, url, null),
    analyticsEndpoint: field(c, 'analyticsEndpoint', '', endpoint, url, null),
    analytics: {
      autoPageview: field(a, 'autoPageview', 'analytics.', isBool, 'true or false', true),
      preConsent: field(a, 'preConsent', 'analytics.', oneOf('anonymous', 'none'), '"anonymous" or "none"', 'anonymous'),
      queryAllowlist: field(a, 'queryAllowlist', 'analytics.', strs, 'an array of parameter names', []),
      afterConsent: field(a, 'afterConsent', 'analytics.', (v) => strs(v) && (v as string[]).every(oneOf('referrer', 'minor', 'screen', 'session', 'persistentId')), 'an array of "referrer", "minor", "screen", "session", "persistentId"', ['referrer', 'minor', 'screen', 'session']),
      category: field(a, 'category', 'analytics.', (v) => isStr(v) && v in categories, 'the name of a configured category', 'analytics'),
    },
    integrations: {
      consentMode: field(i, 'consentMode', 'integrations.', isBool, 'true or false', false),
      matomo: field(i, 'matomo', 'integrations.', isBool, 'true or false', false),
    },
    gpc: field(c, 'gpc', '', oneOf('refuse', 'ignore'), '"refuse" or "ignore"', 'refuse'),
    lang: field(c, 'lang', '', oneOf('auto', ...LANGS), '"auto", "fr", "nl", "de" or "en"', 'auto'),
    reloadOnRefusal: field(c, 'reloadOnRefusal', '', isBool, 'true or false', false),
    floatingButton: field(c, 'floatingButton', '', isBool, 'true or false', true),
  };
}
