// Pure helpers over decisions: what a state allows, and the state a stored cookie stands for.
import type { ConsentCookie } from './cookie-format.js';
import type { ConsentState, GardeConfig, Method } from './types.js';

const DAY_MS = 864e5;

/** Own keys only: names such as `toString` or `constructor` must not reach Object.prototype. */
export const own = (object: object, key: string): boolean => Object.hasOwn(object, key);

/** ISO 8601 for a time in ms since the epoch. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** `{ key: valueOf(key) }` for every key of `object`. */
export const mapKeys = <T>(object: object, valueOf: (key: string) => T): Record<string, T> =>
  Object.fromEntries(Object.keys(object).map((key) => [key, valueOf(key)]));

/**
 * Whether `name` is granted in `state`: `necessary` and its services always; a category by its
 * value; a service only with its category, then by its own choice if it has one. Unknown names
 * and a missing decision: false. What the gate, the erasure, the receipt and `allowed()` apply.
 */
export function allowedIn(config: GardeConfig, state: ConsentState | null, name: string): boolean {
  if (name === 'necessary') return true;
  if (!own(config.services, name)) return state?.categories[name] === true;
  const { category } = config.services[name]!;
  // Service names are never Object.prototype's (config): a plain read is an own one.
  return (
    category === 'necessary' ||
    (allowedIn(config, state, category) && state!.services[name] !== false)
  );
}

/** What a decision is made of; see {@link makeState}. */
export interface StateOptions {
  /** The visitor's consent id, kept only if the decision grants something. */
  id?: string;
  /** When it was decided, in ms since the epoch. */
  decidedAt: number;
  method: Method;
  /** Whether a category (other than `necessary`) is granted. */
  granted: (category: string) => boolean;
  /** Services set on their own (default: none, they follow their category). */
  services?: Record<string, boolean>;
  /** Whether Global Privacy Control was on when it was decided. */
  gpc?: boolean;
}

/** The decision for one moment: every category listed, `necessary` true. */
export function makeState(
  config: GardeConfig,
  { id, decidedAt, method, granted, services = {}, gpc = false }: StateOptions,
): ConsentState {
  const categories = mapKeys(config.categories, (name) => name === 'necessary' || granted(name));
  return {
    // No identifier for a no: only a decision granting more than `necessary` keeps the id.
    id: Object.values(categories).filter(Boolean)[1] ? id : undefined,
    version: config.policy.version,
    decidedAt: iso(decidedAt),
    expiresAt: iso(decidedAt + config.cookie.days * DAY_MS),
    categories,
    services,
    method,
    gpc,
  };
}

/**
 * The decision a parsed cookie stands for under this config, or null (ask again): a withdrawal,
 * another policy version, no valid version configured, expired, dated in the future, or naming a
 * category or service the config does not know.
 */
export function stateFromCookie(
  config: GardeConfig,
  cookie: ConsentCookie,
  nowMs: number,
): ConsentState | null {
  const decidedAt = cookie.decidedAt * 1000;
  const valid =
    cookie.method !== 'withdraw' &&
    !!config.policy.version &&
    cookie.version === config.policy.version &&
    decidedAt + config.cookie.days * DAY_MS > nowMs &&
    decidedAt < nowMs + DAY_MS &&
    cookie.categories.every((name) => own(config.categories, name)) &&
    Object.keys(cookie.services).every((name) => own(config.services, name));
  if (!valid) return null;
  const granted = (name: string) => cookie.categories.includes(name);
  const services = { ...cookie.services };
  const unasked: string[] = [];
  // A service added to the config since the decision, in a category it grants, was never put to
  // the visitor: asleep until they decide on it. (In a refused category it stays refused.)
  for (const name in config.services)
    if (cookie.known?.includes(name) === false && granted(config.services[name]!.category)) {
      unasked.push(name);
      services[name] = false;
    }
  const state = makeState(config, {
    id: cookie.id,
    decidedAt,
    method: cookie.method as Method,
    granted,
    services,
    gpc: cookie.gpc,
  });
  if (unasked[0]) state.unasked = unasked;
  return state;
}
