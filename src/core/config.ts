// Validates the page's config: one console.error per invalid field, naming it and what was
// expected, then that field's safest fallback. Never throws, in a browser or in Node (where
// checkConfig() returns the messages as data, for a site's CI). The fields are described in one
// nested table (check, default) walked by one function, to keep the drop-in small; what each
// expects (and its warnings) is worded in config-messages.ts, which the drop-in loads only for a
// config with something to report.
import { LANGS, resolveLang } from './lang.js';
import { NAME } from './cookie-format.js';
import { reportConfig as report, warnConfig } from './config-report.js';
import { own } from './state.js';
import type { GardeConfig, Lang } from './types.js';

type Fields = Record<string, unknown>;
/**
 * A field: its check, its default ('' marks it required), and what the message needs beyond the
 * field's path (config-messages.ts): the choices of a field with a few.
 */
type Leaf = [
  isValid: (value: unknown, path: string) => unknown,
  fallback?: unknown,
  detail?: unknown,
];
interface Spec {
  [field: string]: Leaf | Spec;
}

const isObject = (value: unknown): value is Fields =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);
const boolean = (fallback: boolean): Leaf => [(value) => typeof value === 'boolean', fallback];
/** One of the given texts; the first is the default. */
const oneOf = (...choices: Array<string | boolean>): Leaf => [
  (value) => choices.includes(value as string),
  choices[0],
  choices,
];
const url: Leaf = [(value) => value === null || isString(value), null];
const array: Leaf = [Array.isArray, []];
// Lists of names or path patterns (src/minimise/path.ts; one not starting with `/` never matches).
const textList: Leaf = [isStrings, []];
const EXTRAS = ['referrer', 'minor', 'screen', 'session', 'persistentId'];
/** The page's language, as init() resolves it: a text without it is shown in another one. */
let pageLang: Lang;
const TEXT: Leaf = [
  (value, path) => {
    const valid =
      isString(value) ||
      (isObject(value) &&
        Object.entries(value).every(
          ([lang, text]) => LANGS.includes(lang as never) && isString(text),
        ));
    if (valid && isObject(value) && !value[pageLang]) warnConfig(path, pageLang);
    return valid;
  },
];
const TEXTS: Spec = { label: TEXT, description: TEXT, provider: TEXT };
const COOKIE_TEXTS: Spec = { provider: TEXT, purpose: TEXT, lifetime: TEXT };

const SPEC: Spec = {
  // Without a valid policy version no stored decision is trusted: the visitor is asked on every
  // page.
  policy: {
    url: [TEXT[0], ''],
    version: [(value) => isString(value) && /^.{1,64}$/.test(value), ''],
  },
  cookie: {
    name: [(value) => isString(value) && NAME.test(value), 'garde_consent'],
    days: [
      (value) => Number.isInteger(value) && (value as number) > 0 && (value as number) <= 400,
      182,
    ],
    // A domain the page is not on would make the browser drop the cookie: the visitor would be
    // asked on every page. Outside a browser there is no page to compare with.
    domain: [
      (value) =>
        isString(value) &&
        (typeof location !== 'object' ||
          ('.' + location.hostname).endsWith('.' + value.replace(/^\./, ''))),
    ],
  },
  recordEndpoint: url,
  analyticsEndpoint: url,
  analytics: {
    autoPageview: boolean(true),
    preConsent: oneOf('anonymous', 'none'),
    queryAllowlist: textList,
    afterConsent: [
      (value) => isStrings(value) && value.every((extra) => EXTRAS.includes(extra)),
      EXTRAS.slice(0, 4),
      EXTRAS,
    ],
    // `necessary` is granted whatever the visitor says: a refusal would still be measured.
    category: [(value) => isString(value) && value !== 'necessary', 'analytics'],
  },
  // The site's own path rules (src/minimise/path.ts): patterns starting with `/`.
  paths: { redact: textList, keep: textList },
  // consentMode's options are not checked one by one (size): a map that is not an object of
  // arrays throws in its update, which is dropped, so Google's types stay denied (the default).
  integrations: {
    consentMode: [(value) => value === !!value || isObject(value), false],
    matomo: [(value) => value === !!value || value === 'cookies', false],
  },
  gpc: oneOf('refuse', 'ignore'),
  lang: oneOf('auto', ...LANGS),
  reloadOnRefusal: boolean(false),
  // "auto": garde's own settings button after a decision, unless the page has a
  // <garde-policy-link> (mountUi decides), so that withdrawing is always one click away.
  floatingButton: oneOf('auto', true, false),
};

/**
 * Copies the fields of `src` described in `spec` into a new object: a missing one gets its
 * default, an invalid one is reported and gets its default. A sub-object that is not an object
 * is reported once (`quiet` then hushes its fields, which get their defaults).
 */
function fill(source: Fields, spec: Spec, path: string, quiet?: boolean): Fields {
  const filled: Fields = {};
  for (const [field, fieldSpec] of Object.entries(spec)) {
    const value = source[field];
    const fieldPath = path + field;
    if (Array.isArray(fieldSpec)) {
      const [isValid, fallback, detail] = fieldSpec;
      const valid = value !== undefined && isValid(value, fieldPath);
      if (!valid && !quiet && (value !== undefined || fallback === '')) report(fieldPath, detail);
      if (valid || fallback !== undefined) filled[field] = valid ? value : fallback;
    } else {
      const present = isObject(value);
      // The policy is required.
      if (!present && !quiet && (value !== undefined || field === 'policy')) report(fieldPath);
      filled[field] = fill(present ? value : {}, fieldSpec, fieldPath + '.', quiet || !present);
    }
  }
  return filled;
}

/** The entries of `categories` or `services`: an invalid name or entry is reported and dropped. */
function entries(
  input: Fields,
  key: 'categories' | 'services',
  extra: (entry: Fields, path: string, name: string) => Fields | undefined,
): Fields {
  const kept: Fields = {};
  const all = input[key];
  if (all !== undefined && !isObject(all)) report(key);
  for (const [name, entry] of Object.entries(isObject(all) ? all : {})) {
    const path = `${key}.${name}`;
    const more =
      NAME.test(name) && !(name in {}) && isObject(entry)
        ? extra(entry, path + '.', name)
        : report(path);
    if (more) kept[name] = { ...fill(entry as Fields, TEXTS, path + '.'), ...more };
  }
  return kept;
}

/**
 * The site's own wording, `texts[lang][key]`: a key is kept only when given in all four
 * languages, so that the visitor never reads a mix of languages; otherwise it is reported and
 * garde's built-in text is used in every language. The three first-layer buttons keep garde's
 * words, equal and recognisable from site to site.
 */
function texts(input: unknown): Record<Lang, Fields> {
  const kept = { fr: {}, nl: {}, de: {}, en: {} } as Record<Lang, Fields>;
  if (input !== undefined && !isObject(input)) report('texts');
  const byLang = (isObject(input) ? input : {}) as Record<string, Fields>;
  const keys = new Set(Object.values(byLang).flatMap((strings) => Object.keys(Object(strings))));
  for (const key of keys) {
    const missing = LANGS.filter((lang) => !isString(byLang[lang]?.[key]));
    if (/^(accept|reject|customise)$/.test(key)) report('texts.' + key);
    else if (missing.length) report('texts.' + key, missing);
    else for (const lang of LANGS) kept[lang][key] = byLang[lang]![key];
  }
  return kept;
}

/** The validated config with every default filled in; `necessary` is always the first category. */
export function validateConfig(input: unknown): GardeConfig {
  const isValid = isObject(input);
  if (!isValid) report('');
  const fields = isValid ? input : {};
  pageLang = resolveLang(fields.lang as string, globalThis.document?.documentElement.lang);
  for (const field in fields)
    if (!own(SPEC, field) && !/^(categories|services|texts|retention)$/.test(field))
      warnConfig(field);
  const config = fill(fields, SPEC, '', !isValid);
  config.texts = texts(fields.texts);
  // Read only by <garde-notice>, whose own code checks it (notice-settings.ts): no visitor
  // downloads that check with every page.
  config.retention = fields.retention;
  const categories = { necessary: {}, ...entries(fields, 'categories', () => ({})) };
  config.categories = categories;
  config.services = entries(fields, 'services', (service, path, name) => {
    if (own(categories, name)) return report(path.slice(0, -1), 1);
    if (!isString(service.category) || !own(categories, service.category))
      return report(path + 'category');
    const lists = fill(service, { cookies: array, storage: array }, path);
    // The patterns that pass `isPattern`; each other one is reported and dropped.
    const patterns = (list: string, isPattern: (value: unknown) => unknown) =>
      (lists[list] as unknown[]).filter(
        (value, index) => isPattern(value) || report(`${path}${list}[${index}]`),
      );
    // A cookie or storage key: a name pattern, or an object that also describes it (its texts
    // checked as the service's are).
    const described = (list: string) =>
      patterns(list, (value) => isString(value) || (isObject(value) && isString(value.name))).map(
        (item, index) =>
          isString(item)
            ? item
            : {
                name: (item as Fields).name,
                ...fill(item as Fields, COOKIE_TEXTS, `${path}${list}[${index}].`),
              },
      );
    return {
      category: service.category,
      cookies: described('cookies'),
      storage: described('storage'),
    };
  });
  return config as unknown as GardeConfig;
}

/** What {@link checkConfig} found: the config as garde would use it, and every message. */
export interface ConfigCheck {
  config: GardeConfig;
  /** Invalid fields, each replaced by its safe default in `config`. */
  errors: string[];
  /** Unknown fields and texts missing in a language. */
  warnings: string[];
}

/**
 * validateConfig() with its messages returned instead of logged: for a site's CI or build, in
 * Node or in a browser (`garde-audit config FILE` prints them). Never throws.
 */
export function checkConfig(input: unknown): ConfigCheck {
  // validateConfig's messages, caught on their way to the console: it runs synchronously, so
  // nothing else logs meanwhile, and the drop-in keeps a single way of reporting.
  const errors: string[] = [];
  const warnings: string[] = [];
  const { error, warn } = console;
  console.error = (message: string) => void errors.push(message);
  console.warn = (message: string) => void warnings.push(message);
  try {
    return { config: validateConfig(input), errors, warnings };
  } finally {
    Object.assign(console, { error, warn });
  }
}
