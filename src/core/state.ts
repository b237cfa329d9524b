// Pure helpers over decisions: what a state allows, and the state a stored cookie stands for.
import type { ConsentCookie } from './cookie-format.js';
import type { ConsentState, GardeConfig } from './types.js';

/**
 * Whether `name` is granted in `s`: `necessary` and its services always; a category by its value;
 * a service by its own choice, else by its category's. Unknown names and a missing decision: false.
 */
export function allowedIn(config: GardeConfig, s: ConsentState | null, name: string): boolean {
  const svc = own(config.services, name) && config.services[name]!;
  return (
    name == 'necessary' ||
    (svc
      ? svc.category == 'necessary' ||
        (s && own(s.services, name) ? !!s.services[name] : allowedIn(config, s, svc.category))
      : s?.categories[name] === true)
  );
}

/** Own keys only: names such as `toString` or `constructor` must not reach Object.prototype. */
export const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** ISO 8601 for a time in ms since the epoch. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** `{ key: f(key) }` for every key of `o`. */
export const map = <T>(o: object, f: (k: string) => T): Record<string, T> =>
  Object.fromEntries(Object.keys(o).map((k) => [k, f(k)]));

/** The decision for one moment: every category listed, `necessary` true. */
export function makeState(
  config: GardeConfig,
  id: string,
  ms: number,
  method: ConsentState['method'],
  granted: (category: string) => unknown,
  services: Record<string, boolean>,
): ConsentState {
  const cats = map(config.categories, (k) => k == 'necessary' || !!granted(k));
  return {
    id,
    version: config.policy.version,
    decidedAt: iso(ms),
    expiresAt: iso(ms + config.cookie.days * 864e5),
    categories: cats,
    services,
    method,
  };
}

/**
 * The decision a parsed cookie stands for under this config, or null (ask again): another policy
 * version, no valid version configured, expired, dated in the future, or naming a category or
 * service the config does not know.
 */
export function stateFromCookie(
  config: GardeConfig,
  c: ConsentCookie,
  nowMs: number,
): ConsentState | null {
  const ms = c.decidedAt * 1000;
  const ok =
    config.policy.version &&
    c.version == config.policy.version &&
    ms + config.cookie.days * 864e5 > nowMs &&
    ms < nowMs + 864e5 &&
    c.categories.every((k) => own(config.categories, k)) &&
    Object.keys(c.services).every((k) => own(config.services, k));
  return ok
    ? makeState(config, c.id, ms, c.method, (k) => c.categories.includes(k), c.services)
    : null;
}
