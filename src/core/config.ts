// Validates the page's config: one console.error per invalid field, naming it and what was
// expected, then that field's safest fallback. Never throws. Scalar fields are described in a
// table (check, expectation, default) to keep the drop-in small.
import { LANGS } from './lang.js';
import { NAME } from './cookie-format.js';
import { own } from './state.js';
import type { GardeConfig } from './types.js';

type Rec = Record<string, unknown>;
type Spec = [ok: (v: unknown) => unknown, expected: string, fallback?: unknown];

const isObj = (v: unknown): v is Rec => !!v && typeof v == 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v == 'string';
const strs = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const bad = (path: string, expected: string): void => {
  console.error(`garde: config${path && '.' + path}: expected ${expected}`);
};
const bool = (d: boolean): Spec => [(v) => typeof v == 'boolean', 'true or false', d];
const one = (...v: string[]): Spec => [(x) => v.includes(x as string), v.map((x) => `"${x}"`).join(' or '), v[0]];
const url: Spec = [(v) => v === null || isStr(v), 'a URL or null', null];
const EXTRAS = ['referrer', 'minor', 'screen', 'session', 'persistentId'];
const OBJ = 'an object';
const NAMED = 'a name of letters, digits, _ and -';
const TEXT: Spec = [(v) => isStr(v) || (isObj(v) && Object.keys(v).every((k) => LANGS.includes(k as never) && isStr(v[k]))), 'a text, or an object of fr/nl/de/en texts'];
const TEXTS = { label: TEXT, description: TEXT, provider: TEXT };

const SPEC: Record<string, Spec> = {
  'cookie.name': [(v) => isStr(v) && NAME.test(v), NAMED, 'garde_consent'],
  'cookie.days': [(v) => typeof v == 'number' && v > 0 && v <= 400, 'a number of days from 1 to 400', 182],
  // A domain the page is not on would make the browser drop the cookie: the visitor asked on every page.
  'cookie.domain': [(v) => isStr(v) && ('.' + location.hostname).endsWith('.' + v.replace(/^\./, '')), 'this host or a parent domain'],
  recordEndpoint: url,
  analyticsEndpoint: url,
  'analytics.autoPageview': bool(true),
  'analytics.preConsent': one('anonymous', 'none'),
  'analytics.queryAllowlist': [strs, 'an array of texts', []],
  'analytics.afterConsent': [(v) => strs(v) && v.every((x) => EXTRAS.includes(x)), 'an array of ' + EXTRAS, EXTRAS.slice(0, 4)],
  'analytics.category': [isStr, 'a category name', 'analytics'],
  'integrations.consentMode': bool(false),
  'integrations.matomo': bool(false),
  gpc: one('refuse', 'ignore'),
  lang: one('auto', ...LANGS),
  reloadOnRefusal: bool(false),
  floatingButton: bool(false),
};

/**
 * Copies the fields of `src` described in `spec` into a new object: a missing one gets its
 * default, an invalid one is reported and gets its default.
 */
function fill(src: Rec, path: string, spec: Record<string, Spec>): Rec {
  const dst: Rec = {};
  for (const [p, [ok, expected, fallback]] of Object.entries(spec)) {
    const [a, b] = p.split('.') as [string, string?];
    let from = src;
    let to = dst;
    if (b) {
      to = (dst[a] ??= {}) as Rec;
      // A sub-object that is not an object is reported once; its fields get their defaults.
      from = isObj(src[a]) ? src[a] : (src[a] === undefined || Object.keys(to).length || bad(path + a, OBJ), {});
    }
    const k = b ?? a;
    const v = from[k];
    const valid = v !== undefined && ok(v);
    if (v !== undefined && !valid) bad(path + p, expected);
    if (valid || fallback !== undefined) to[k] = valid ? v : fallback;
  }
  return dst;
}

/** The entries of `categories` or `services`: an invalid name or entry is reported and dropped. */
function entries(c: Rec, key: string, extra: (v: Rec, path: string, name: string) => Rec | void): Rec {
  const out: Rec = {};
  for (const [name, v] of Object.entries(fill(c, '', { [key]: [isObj, OBJ, {}] })[key] as Rec)) {
    const path = `${key}.${name}.`;
    const more = NAME.test(name) && !(name in {}) && isObj(v) ? extra(v, path, name) : bad(path.slice(0, -1), `${OBJ} with ${NAMED} (entry dropped)`);
    if (more) out[name] = { ...fill(v as Rec, path, TEXTS), ...more };
  }
  return out;
}

const patterns = (list: unknown[], path: string, ok: (x: unknown) => unknown) => list.filter((x, i) => ok(x) || bad(`${path}[${i}]`, 'a name pattern (entry dropped)'));

/** The validated config with every default filled in; `necessary` is always the first category. */
export function validateConfig(input: unknown): GardeConfig {
  const c = isObj(input) ? input : (bad('', OBJ), {});
  for (const k in c) if (!/^(policy|categories|services)$/.test(k) && !Object.keys(SPEC).some((p) => p.split('.')[0] == k)) console.warn(`garde: config.${k} is unknown`);
  const out = fill(c, '', SPEC);
  // Without a valid policy version no stored decision is trusted: the visitor is asked on every page.
  const p = isObj(c.policy) ? c.policy : (c == input && bad('policy', OBJ + ' { url, version }'), {});
  const req = (k: string, [ok, expected]: Spec) => (ok(p[k]) ? p[k] : (p == c.policy && bad('policy.' + k, expected), ''));
  out.policy = { url: req('url', TEXT), version: req('version', [(v) => isStr(v) && /^.{1,64}$/.test(v), 'a text of 1 to 64 characters']) };
  const cats = (out.categories = { necessary: {}, ...entries(c, 'categories', () => ({})) });
  out.services = entries(c, 'services', (v, path, name) => {
    if (own(cats, name)) return bad(path.slice(0, -1), 'a name unlike any category (entry dropped)');
    if (!isStr(v.category) || !own(cats, v.category)) return bad(path + 'category', 'a configured category (entry dropped)');
    const { cookies, storage } = fill(v, path, { cookies: [Array.isArray, 'an array', []], storage: [Array.isArray, 'an array', []] }) as Record<string, unknown[]>;
    return {
      category: v.category,
      cookies: patterns(cookies!, path + 'cookies', (x) => isStr(x) || (isObj(x) && isStr(x.name))),
      storage: patterns(storage!, path + 'storage', isStr),
    };
  });
  return out as unknown as GardeConfig;
}
