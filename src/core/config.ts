// Validates the page's config: one console.error per invalid field, naming it and what was
// expected, then that field's safest fallback. Never throws. The fields are described in one
// nested table (check, expectation, default) walked by one function, to keep the drop-in small.
import { LANGS } from './lang.js';
import { NAME } from './cookie-format.js';
import { own } from './state.js';
import type { GardeConfig } from './types.js';

type Rec = Record<string, unknown>;
/** A field: its check, what it expects (for the message), its default ('' marks a required field). */
type Leaf = [ok: (v: unknown) => unknown, expected: string, fallback?: unknown];
interface Spec {
  [k: string]: Leaf | Spec;
}

const isObj = (v: unknown): v is Rec => !!v && typeof v == 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v == 'string';
const strs = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const bad = (path: string, expected: string): void => {
  console.error(`garde: config${path && '.' + path}: expected ${expected}`);
};
const bool = (d: boolean): Leaf => [(v) => typeof v == 'boolean', 'true or false', d];
const one = (...v: string[]): Leaf => [
  (x) => v.includes(x as string),
  v.map((x) => `"${x}"`).join(' or '),
  v[0],
];
const url: Leaf = [(v) => v === null || isStr(v), 'a URL or null', null];
const arr: Leaf = [Array.isArray, 'an array', []];
const EXTRAS = ['referrer', 'minor', 'screen', 'session', 'persistentId'];
const OBJ = 'an object';
const NAMED = 'a name of letters, digits, _ and -';
const DROPPED = ' (entry dropped)';
const TEXT: Leaf = [
  (v) =>
    isStr(v) ||
    (isObj(v) && Object.keys(v).every((k) => LANGS.includes(k as never) && isStr(v[k]))),
  'a text, or an object of fr/nl/de/en texts',
];
const TEXTS: Spec = { label: TEXT, description: TEXT, provider: TEXT };

const SPEC: Spec = {
  // Without a valid policy version no stored decision is trusted: the visitor is asked on every page.
  policy: {
    url: [TEXT[0], TEXT[1], ''],
    version: [(v) => isStr(v) && /^.{1,64}$/.test(v), 'a text of 1 to 64 characters', ''],
  },
  cookie: {
    name: [(v) => isStr(v) && NAME.test(v), NAMED, 'garde_consent'],
    days: [(v) => typeof v == 'number' && v > 0 && v <= 400, 'a number of days from 1 to 400', 182],
    // A domain the page is not on would make the browser drop the cookie: the visitor asked on every page.
    domain: [
      (v) => isStr(v) && ('.' + location.hostname).endsWith('.' + v.replace(/^\./, '')),
      'this host or a parent domain',
    ],
  },
  recordEndpoint: url,
  analyticsEndpoint: url,
  analytics: {
    autoPageview: bool(true),
    preConsent: one('anonymous', 'none'),
    queryAllowlist: [strs, 'an array of texts', []],
    afterConsent: [
      (v) => strs(v) && v.every((x) => EXTRAS.includes(x)),
      'an array of ' + EXTRAS,
      EXTRAS.slice(0, 4),
    ],
    category: [isStr, 'a category name', 'analytics'],
  },
  integrations: { consentMode: bool(false), matomo: bool(false) },
  gpc: one('refuse', 'ignore'),
  lang: one('auto', ...LANGS),
  reloadOnRefusal: bool(false),
  floatingButton: bool(false),
};

/**
 * Copies the fields of `src` described in `spec` into a new object: a missing one gets its
 * default, an invalid one is reported and gets its default. A sub-object that is not an object
 * is reported once (`quiet` then hushes its fields, which get their defaults).
 */
function fill(src: Rec, spec: Spec, path: string, quiet?: boolean): Rec {
  const dst: Rec = {};
  for (const [k, s] of Object.entries(spec)) {
    const v = src[k];
    const p = path + k;
    if (Array.isArray(s)) {
      const [ok, expected, fallback] = s;
      const valid = v !== undefined && ok(v);
      if (!valid && !quiet && (v !== undefined || fallback === '')) bad(p, expected);
      if (valid || fallback !== undefined) dst[k] = valid ? v : fallback;
    } else {
      const o = isObj(v);
      // The policy is required, and its message lists what it needs.
      if (!o && !quiet && (v !== undefined || k == 'policy'))
        bad(p, k == 'policy' ? `${OBJ} { ${Object.keys(s).join(', ')} }` : OBJ);
      dst[k] = fill(o ? v : {}, s, p + '.', quiet || !o);
    }
  }
  return dst;
}

/** The entries of `categories` or `services`: an invalid name or entry is reported and dropped. */
function entries(
  c: Rec,
  key: string,
  extra: (v: Rec, path: string, name: string) => Rec | void,
): Rec {
  const out: Rec = {};
  const all = c[key];
  if (all !== undefined && !isObj(all)) bad(key, OBJ);
  for (const [name, v] of Object.entries(isObj(all) ? all : {})) {
    const path = `${key}.${name}`;
    const more =
      NAME.test(name) && !(name in {}) && isObj(v)
        ? extra(v, path + '.', name)
        : bad(path, `${OBJ} with ${NAMED}${DROPPED}`);
    if (more) out[name] = { ...fill(v as Rec, TEXTS, path + '.'), ...more };
  }
  return out;
}

/** The validated config with every default filled in; `necessary` is always the first category. */
export function validateConfig(input: unknown): GardeConfig {
  const o = isObj(input);
  const c = o ? input : (bad('', OBJ), {});
  for (const k in c)
    if (!own(SPEC, k) && !/^(categories|services)$/.test(k))
      console.warn(`garde: config.${k} is unknown`);
  const out = fill(c, SPEC, '', !o);
  const cats = (out.categories = { necessary: {}, ...entries(c, 'categories', () => ({})) });
  out.services = entries(c, 'services', (v, path, name) => {
    if (own(cats, name)) return bad(path.slice(0, -1), 'a name unlike any category' + DROPPED);
    if (!isStr(v.category) || !own(cats, v.category))
      return bad(path + 'category', 'a configured category' + DROPPED);
    const { cookies, storage } = fill(v, { cookies: arr, storage: arr }, path) as Record<
      string,
      unknown[]
    >;
    const names = (list: unknown[], k: string, ok: (x: unknown) => unknown) =>
      list.filter((x, i) => ok(x) || bad(`${path}${k}[${i}]`, 'a name pattern' + DROPPED));
    return {
      category: v.category,
      cookies: names(cookies!, 'cookies', (x) => isStr(x) || (isObj(x) && isStr(x.name))),
      storage: names(storage!, 'storage', isStr),
    };
  });
  return out as unknown as GardeConfig;
}
