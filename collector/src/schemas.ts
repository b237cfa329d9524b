// JSON schemas for fastify's validation, matching Receipt and Hit in src/core/types.ts. Every string and map
// is bounded and unknown fields are refused, so what reaches the database is what the types promise.
import { MAX_PROPS, MAX_VALUE_LENGTH } from '../../src/minimise/index.js';

const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
const key = { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' } as const;
const iso = {
  type: 'string',
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$',
} as const;
const path = { type: 'string', maxLength: 1024, pattern: '^/' } as const;
const choices = (max: number) =>
  ({
    type: 'object',
    maxProperties: max,
    propertyNames: key,
    additionalProperties: { type: 'boolean' },
  }) as const;

/** The consent-record methods (Receipt['method'] in types.ts: a Method, or withdraw). */
export const METHODS = ['accept-all', 'reject-all', 'custom', 'gpc', 'withdraw'] as const;

/** POST /consent: a Receipt. */
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
    receiptId: id,
    id,
    ts: iso,
    version: { type: 'string', minLength: 1, maxLength: 64 },
    categories: choices(32),
    services: choices(64),
    method: { type: 'string', enum: METHODS },
    lang: { type: 'string', enum: ['fr', 'nl', 'de', 'en'] },
    path,
  },
} as const;

/** POST /collect: a Hit. The after-consent fields are dropped server-side when `consent` is false. */
export const hitSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'path', 'lang', 'vw', 'consent'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: MAX_VALUE_LENGTH },
    path,
    referrer: { type: 'string', maxLength: 2048 },
    browser: { type: 'string', maxLength: 32 },
    major: { type: 'integer', minimum: 0, maximum: 9999 },
    os: { type: 'string', maxLength: 32 },
    mobile: { type: 'boolean' },
    lang: { type: 'string', pattern: '^[A-Za-z]{0,8}$' },
    vw: { type: 'integer', enum: [0, 360, 576, 768, 992, 1200, 1440] },
    consent: { type: 'boolean' },
    props: {
      type: 'object',
      maxProperties: MAX_PROPS,
      propertyNames: key,
      additionalProperties: {
        anyOf: [
          { type: 'string', maxLength: MAX_VALUE_LENGTH },
          { type: 'number' },
          { type: 'boolean' },
        ],
      },
    },
    minor: { type: 'integer', minimum: 0, maximum: 99999999 },
    screen: { type: 'string', pattern: '^\\d{1,5}x\\d{1,5}$' },
    session: id,
    uid: id,
  },
} as const;

const day = { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' } as const;
const filterProperties = {
  from: day,
  to: day,
  version: { type: 'string', maxLength: 64 },
  method: { type: 'string', enum: ['', ...METHODS] },
  id: { type: 'string', pattern: '^[A-Za-z0-9_-]{0,64}$' },
} as const;

/** GET /api/records and /api/records.csv; numbers stay strings (no type coercion anywhere). */
export const recordsQuerySchema = {
  type: 'object',
  properties: {
    ...filterProperties,
    page: { type: 'string', pattern: '^(0*[1-9]\\d{0,5})?$' },
    pageSize: { type: 'string', pattern: '^(0*[1-9]\\d{0,2})?$' },
    /** CSV only: `semicolon` writes `;` separators and a `sep=;` first line. */
    sep: { type: 'string', enum: ['', 'comma', 'semicolon'] },
  },
} as const;

/** GET /api/stats. */
export const statsQuerySchema = { type: 'object', properties: { from: day, to: day } } as const;

/** DELETE /api/records/:consentId: `by` names who asked or acted, for the erasure log (optional). */
export const erasureQuerySchema = {
  type: 'object',
  properties: { by: { type: 'string', pattern: '^[\\p{L}\\p{N} ._@-]{0,64}$' } },
} as const;

/** GET /api/records/:consentId. */
export const consentIdParamsSchema = {
  type: 'object',
  required: ['consentId'],
  properties: { consentId: id },
} as const;
