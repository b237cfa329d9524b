// What a site's author should hear about before a regulator does: the config works, but the
// dialog and the notice would describe something badly, or keep something too long. Apart from
// validateConfig(), so that no visitor downloads these checks with every page: `<garde-notice>`
// runs them where the author reads the notice, and they are exported (garde/core) for the config
// check. Each message names the field, and is printed once per page.
import type { CookieInfo, GardeConfig, Retention } from './types.js';

/** A consent, and a refusal, held for about six months in the authorities' guidance. */
export const MAX_CONSENT_DAYS = 190;
/** 25 months: the longest the authorities' guidance keeps audience measurement data. */
export const MAX_ANALYTICS_DAYS = 762;
/** What `<garde-notice>` states when the config says nothing: the collector's own defaults. */
export const DEFAULT_RETENTION: Retention = { records: 1826, analytics: 762 };

const printed = new Set<string>();
/** Prints each message once per page, whatever the number of elements or calls. */
const once = (print: (message: string) => void, message: string) => {
  if (!printed.has(message)) print(message);
  printed.add(message);
};

/**
 * `config.retention` as `<garde-notice>` states it: each of `records` and `analytics` a whole
 * number of days; a missing one is the collector's default, an invalid one is reported (once)
 * and replaced by it.
 */
export function noticeRetention(config: GardeConfig): Retention {
  const given = config.retention;
  const retention = { ...DEFAULT_RETENTION };
  if (given === undefined) return retention;
  if (!given || typeof given !== 'object' || Array.isArray(given)) {
    once(console.error, 'garde: config.retention: expected an object { records, analytics }');
    return retention;
  }
  for (const key of ['records', 'analytics'] as const) {
    const days = (given as Record<string, unknown>)[key];
    if (days === undefined) continue;
    if (Number.isInteger(days) && (days as number) > 0) retention[key] = days as number;
    else once(console.error, `garde: config.retention.${key}: expected a whole number of days`);
  }
  return retention;
}

/**
 * One warning for each cookie or storage key a service declares without a purpose or a
 * lifetime: the dialog and the notice would list it by name alone, and the authorities expect
 * both for each.
 */
export function undescribedStorageWarnings(config: GardeConfig): string[] {
  const warnings: string[] = [];
  for (const [name, service] of Object.entries(config.services))
    for (const list of ['cookies', 'storage'] as const)
      service[list]?.forEach((item, index) => {
        const info: CookieInfo = typeof item === 'string' ? { name: item } : item;
        const missing = (['purpose', 'lifetime'] as const).filter((field) => !info[field]);
        if (missing.length)
          warnings.push(
            `garde: config.services.${name}.${list}[${index}] (${info.name}): no ${missing.join(' or ')}; ` +
              'the dialog and the notice show it without, where visitors must be told both',
          );
      });
  return warnings;
}

/** A warning when a decision is kept longer than the authorities' guidance (about six months). */
export function consentDaysWarning(config: GardeConfig): string[] {
  const { days } = config.cookie;
  return days > MAX_CONSENT_DAYS
    ? [
        `garde: config.cookie.days: ${days} is over ${MAX_CONSENT_DAYS}; the authorities' ` +
          'guidance keeps a consent, and a refusal, for about six months before asking again',
      ]
    : [];
}

/** A warning when analytics hits would be kept longer than 25 months. */
export function analyticsRetentionWarning(config: GardeConfig): string[] {
  const { analytics } = noticeRetention(config);
  return analytics > MAX_ANALYTICS_DAYS
    ? [
        `garde: config.retention.analytics: ${analytics} days is over 25 months ` +
          `(${MAX_ANALYTICS_DAYS} days), the longest the authorities' guidance keeps audience ` +
          "measurement data; set the same figure as the collector's --retention-hits-days",
      ]
    : [];
}

/** What browsers keep of one cookie, name and value together (RFC 6265bis, Chromium, Firefox). */
export const MAX_COOKIE_BYTES = 4096;

/**
 * A warning when the consent cookie could outgrow what browsers keep: it lists the services the
 * visitor decided on, and each one set on its own. A decision the browser refuses to store is
 * asked again on every page (writeCookie leaves no older copy behind).
 */
export function cookieSizeWarning(config: GardeConfig): string[] {
  const names = (record: object) =>
    Object.keys(record)
      .filter((name) => name !== 'necessary')
      .join('~');
  const services = names(config.services);
  // The longest decision (cookie-format.ts, written out here so that this file does not carry
  // that one): an id, every category granted, every service set on its own, GPC, and the
  // services known.
  const cookie =
    `${config.cookie.name}=3.${'0'.repeat(36)}.` +
    encodeURIComponent(config.policy.version).replace(/\./g, '%2E') +
    `.4102444800.c.${names(config.categories)}.${services}..g.${services}`;
  const bytes = cookie.length;
  return bytes > MAX_COOKIE_BYTES
    ? [
        `garde: config.services: the consent cookie can reach ${bytes} bytes, over the ` +
          `${MAX_COOKIE_BYTES} browsers keep (then asked again on every page)`,
      ]
    : [];
}

/** Every warning for the author of `config`, in a stable order. */
export const authorWarnings = (config: GardeConfig): string[] => [
  ...undescribedStorageWarnings(config),
  ...consentDaysWarning(config),
  ...analyticsRetentionWarning(config),
  ...cookieSizeWarning(config),
];

/** Prints {@link authorWarnings} with `console.warn`, each once per page. */
export function warnAuthor(config: GardeConfig): void {
  for (const message of authorWarnings(config)) once(console.warn, message);
}
