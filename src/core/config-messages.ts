// What each config field expects, worded for the console: the text of validateConfig's errors.
// Apart from config.ts so that a valid config never downloads it: the drop-in loads it as
// dist/garde-config.js only when a field is invalid (config-report.script.ts); the ESM build and
// checkConfig() import it directly (config-report.ts).

const OBJECT = 'an object';
const NAMED = 'a name of letters, digits, _ and -';
const DROPPED = ' (entry dropped)';
const TEXT = 'a text, or an object of fr/nl/de/en texts';
const BOOLEAN = 'true or false';
const URL_OR_NULL = 'a URL or null';
const TEXTS = 'an array of texts';

/**
 * By the field's path, with a category's, service's or text's name as `*` and an index as `[]`;
 * a function takes the detail config.ts reported with it. A path not named here is a sub-object
 * that is not an object.
 */
const EXPECTED: Record<string, string | ((detail: unknown) => string)> = {
  policy: `${OBJECT} { url, version }`,
  'policy.url': TEXT,
  'policy.version': 'a text of 1 to 64 characters',
  'cookie.name': NAMED,
  'cookie.days': 'a whole number of days from 1 to 400',
  'cookie.domain': 'this host or a parent domain',
  recordEndpoint: URL_OR_NULL,
  analyticsEndpoint: URL_OR_NULL,
  'analytics.autoPageview': BOOLEAN,
  'analytics.queryAllowlist': TEXTS,
  'analytics.afterConsent': (extras) => `an array of ${extras}`,
  'analytics.category': 'a category name other than "necessary" (always granted)',
  'paths.redact': TEXTS,
  'paths.keep': TEXTS,
  'integrations.consentMode': 'true, false or options',
  'integrations.matomo': 'true, false or "cookies"',
  reloadOnRefusal: BOOLEAN,
  'categories.*': `${OBJECT} with ${NAMED}${DROPPED}`,
  'services.*': (detail) =>
    detail ? `a name unlike any category${DROPPED}` : `${OBJECT} with ${NAMED}${DROPPED}`,
  'services.*.category': `a configured category${DROPPED}`,
  'services.*.cookies': 'an array',
  'services.*.storage': 'an array',
  'services.*.cookies[]': `a name pattern${DROPPED}`,
  'services.*.storage[]': `a name pattern${DROPPED}`,
  // The site's own wording: garde's three first-layer labels, or a key missing in a language.
  'texts.*': (missing) =>
    missing ? `a text in each of fr,nl,de,en, not ${missing}` : "garde's own label",
};

/**
 * The console line for an invalid field at `path` ('' for the config itself), e.g.
 * `garde: config.cookie.days: expected a whole number of days from 1 to 400`. `detail` is what
 * config.ts knows and this table does not: the choices of a field with a few, the languages a
 * text lacks, the error of the drop-in's JSON.
 */
export function configMessage(path: string, detail?: unknown): string {
  const pattern = path
    .replace(/^(categories|services|texts)\.[^.[]+/, '$1.*')
    .replace(/\[\d+\]/g, '[]');
  const expected =
    // The drop-in's #garde-config is missing or its JSON does not parse (src/garde.ts).
    detail instanceof Error
      ? `JSON in #garde-config (${detail})`
      : /^(categories|services)\..*\.(label|description|provider|purpose|lifetime)$/.test(pattern)
        ? TEXT
        : (EXPECTED[pattern] ??
          // A field with a few choices (gpc, lang…) is reported with them.
          (Array.isArray(detail)
            ? detail.map((choice) => JSON.stringify(choice)).join(' or ')
            : OBJECT));
  return `garde: config${path && '.' + path}: expected ${
    typeof expected === 'function' ? expected(detail) : expected
  }`;
}

/**
 * The console line for a field that is not an error but deserves a look: unknown
 * (`garde: config.categorys is unknown`), or a text without `lang`, the page's language (another
 * language is shown).
 */
export function configWarning(path: string, lang?: string): string {
  return `garde: config.${path}${lang ? `: no "${lang}" text, another language is shown` : ' is unknown'}`;
}
