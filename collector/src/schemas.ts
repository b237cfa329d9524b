// The collector's JSON schemas for fastify's validation. The bodies (a receipt, a hit) are the wire
// contract's own schemas, from which the browser's types are derived too; the query-string and
// parameter schemas of the reading API are the collector's.
import {
  MAX_VERSION_LENGTH,
  RECEIPT_METHODS,
  idSchema,
  shownSchema,
  snapshotSchema,
} from 'garde/wire';

export { receiptSchema, hitSchema, snapshotUploadSchema } from 'garde/wire';

const day = { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' } as const;
// A policy version may hold any character a receipt can, and no receipt holds a NUL (PostgreSQL cannot
// compare text with one: a filter holding it is refused here rather than failing in the database).
const versionFilter = {
  type: 'string',
  maxLength: MAX_VERSION_LENGTH,
  pattern: '^[^\\u0000]*$',
} as const;
// A site is an origin as browsers send it (`https://www.inami.fgov.be`, a port when not the default):
// scheme, host, nothing after; empty for every site.
const site = { type: 'string', maxLength: 300, pattern: '^(https?://[^/?#\\s]+)?$' } as const;
const filterProperties = {
  from: day,
  to: day,
  version: versionFilter,
  method: { type: 'string', enum: ['', ...RECEIPT_METHODS] },
  id: { type: 'string', pattern: '^[A-Za-z0-9_-]{0,64}$' },
  site,
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
export const statsQuerySchema = {
  type: 'object',
  properties: { from: day, to: day, site },
} as const;

/** DELETE /api/records/:consentId: `by` names who asked or acted, for the erasure log (optional). */
export const erasureQuerySchema = {
  type: 'object',
  properties: { by: { type: 'string', pattern: '^[\\p{L}\\p{N} ._@-]{0,64}$' } },
} as const;

/**
 * DELETE /api/analytics: the path whose analytics are erased, with everything below it; not `/` alone
 * (that would be every path: the retention periods are the tool for that), no NUL.
 */
export const analyticsErasureQuerySchema = {
  type: 'object',
  required: ['path'],
  properties: { path: { type: 'string', maxLength: 1024, pattern: '^/[^\\u0000]+$' } },
} as const;

/** GET /api/records/:consentId. */
export const consentIdParamsSchema = {
  type: 'object',
  required: ['consentId'],
  properties: { consentId: idSchema },
} as const;

/** GET /api/snapshots/:hash. */
export const snapshotParamsSchema = {
  type: 'object',
  required: ['hash'],
  properties: { hash: shownSchema },
} as const;

/** GET /api/snapshots and GET /api/erasures: a page of a list. */
export const pageQuerySchema = {
  type: 'object',
  properties: {
    page: { type: 'string', pattern: '^(0*[1-9]\\d{0,5})?$' },
    pageSize: { type: 'string', pattern: '^(0*[1-9]\\d{0,2})?$' },
  },
} as const;

/** GET /api/snapshots: a page of the versions list. */
export const snapshotVersionsQuerySchema = pageQuerySchema;

/** POST /api/snapshots: a snapshot the site publishes, as garde's snapshotText writes it. */
export const snapshotPublishSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['snapshot'],
  properties: { snapshot: snapshotSchema },
} as const;
