// The JSON schemas of a receipt and a hit: what the collector validates (fastify / ajv) and what
// the TypeScript types `Receipt` and `Hit` are derived from (see from-schema.ts), so that a field
// added here is seen by the page, the collector, the admin page and the audit at once.
// Every string and map is bounded and unknown fields are refused: what reaches a database is what
// the types promise. Nothing here runs at load time: bundles that do not use a schema drop it.
import {
  ID_PATTERN,
  KEY_PATTERN,
  LANGS,
  MAX_CATEGORIES,
  MAX_PATH_LENGTH,
  MAX_PROPS,
  MAX_REFERRER_LENGTH,
  MAX_SERVICES,
  MAX_VALUE_LENGTH,
  MAX_VERSION_LENGTH,
  RECEIPT_METHODS,
  TIMESTAMP_PATTERN,
  VIEWPORT_BUCKETS,
} from './constants.js';

/** A receipt id, consent id, session id or persistent id. */
export const idSchema = { type: 'string', pattern: ID_PATTERN } as const;
/** A category, service or prop name. */
export const keySchema = { type: 'string', pattern: KEY_PATTERN } as const;
/** A page path, from its leading slash. */
export const pathSchema = { type: 'string', maxLength: MAX_PATH_LENGTH, pattern: '^/' } as const;

const choicesSchema = <Max extends number>(maxProperties: Max) =>
  ({
    type: 'object',
    maxProperties,
    propertyNames: keySchema,
    additionalProperties: { type: 'boolean' },
  }) as const;

/** POST /consent: what the page sends to `recordEndpoint` after each decision. */
export const receiptSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'receiptId',
    'id',
    'ts',
    'version',
    'categories',
    'services',
    'method',
    'lang',
    'path',
  ],
  properties: {
    /** Random per receipt: lets the collector drop a receipt sent twice. */
    receiptId: idSchema,
    /** The visitor's consent id, the same in every receipt of that visitor. */
    id: idSchema,
    /** When the visitor decided, by the browser's clock. */
    ts: { type: 'string', maxLength: 40, pattern: TIMESTAMP_PATTERN },
    /** The config's policy version the visitor decided on. */
    version: { type: 'string', minLength: 1, maxLength: MAX_VERSION_LENGTH },
    /** Each category granted (true) or refused (false). */
    categories: choicesSchema(MAX_CATEGORIES),
    /** Each service granted (true) or refused (false). */
    services: choicesSchema(MAX_SERVICES),
    /** How the decision was made; `withdraw` when the visitor withdrew it (all refused but `necessary`). */
    method: { type: 'string', enum: RECEIPT_METHODS },
    /** The language the banner was shown in. */
    lang: { type: 'string', enum: LANGS },
    /** The page where the visitor decided. */
    path: pathSchema,
  },
} as const;

/**
 * POST /collect: an analytics hit. Before analytics consent it holds only the anonymous fields;
 * the ones marked "after consent" appear only when granted and configured (and the collector
 * drops them when `consent` is false).
 */
export const hitSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'path', 'lang', 'vw', 'consent'],
  properties: {
    /** Event name, `pageview` by default. */
    name: { type: 'string', minLength: 1, maxLength: MAX_VALUE_LENGTH },
    /** Page path without fragment, and without query string but for allowlisted parameters. */
    path: pathSchema,
    /** Before consent: the referring host name (absent when same-site). After, with `referrer`: origin + path. */
    referrer: { type: 'string', maxLength: MAX_REFERRER_LENGTH },
    /**
     * Browser family, major version, OS family and mobile: garde's tracker leaves these out, because
     * every request already carries its User-Agent header, from which the collector derives the same
     * four values with the shared `reduceUserAgent`. Other senders may fill them; the collector
     * prefers the header.
     */
    browser: { type: 'string', maxLength: 32 },
    major: { type: 'integer', minimum: 0, maximum: 9999 },
    os: { type: 'string', maxLength: 32 },
    mobile: { type: 'boolean' },
    /** Primary language subtag, e.g. `fr` (any language: the visitor's browser, not the banner's). */
    lang: { type: 'string', pattern: '^[A-Za-z]{0,8}$' },
    /** Viewport width bucket: one of {@link VIEWPORT_BUCKETS}. */
    vw: { type: 'integer', enum: VIEWPORT_BUCKETS },
    /** Whether analytics was granted when the hit was sent. */
    consent: { type: 'boolean' },
    /** `track()` props, sanitised by `sanitiseProps` before sending. */
    props: {
      type: 'object',
      maxProperties: MAX_PROPS,
      propertyNames: keySchema,
      additionalProperties: {
        anyOf: [
          { type: 'string', maxLength: MAX_VALUE_LENGTH },
          { type: 'number' },
          { type: 'boolean' },
        ],
      },
    },
    /** After consent, with `minor`. */
    minor: { type: 'integer', minimum: 0, maximum: 99999999 },
    /** After consent, with `screen`: `WIDTHxHEIGHT`. */
    screen: { type: 'string', pattern: '^\\d{1,5}x\\d{1,5}$' },
    /** After consent, with `session`: random id kept in sessionStorage. */
    session: idSchema,
    /** After consent, with `persistentId` only: random id kept in localStorage. */
    uid: idSchema,
  },
} as const;
