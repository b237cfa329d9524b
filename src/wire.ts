// The wire contract: what the page sends to the collector (receipts and analytics hits) and the
// constants both ends check it against. The browser code, the collector, the admin page and the
// audit all import this one module (the collector, admin and audit as `garde/wire`). The JSON
// schemas in wire/schemas.ts are the one source: the types below are derived from them, so a field
// added there is seen by every side. Pure data and types: no DOM, no import of other browser or
// server code.
import type { FromSchema } from './wire/from-schema.js';
import type { hitSchema, receiptSchema, snapshotSchema } from './wire/schemas.js';
import type { DECISION_METHODS, LANGS, LAYERS, RECEIPT_METHODS } from './wire/constants.js';

export * from './wire/constants.js';
export {
  receiptSchema,
  hitSchema,
  idSchema,
  receiptIdSchema,
  keySchema,
  pathSchema,
  shownSchema,
  gardeVersionSchema,
  snapshotSchema,
  snapshotUploadSchema,
} from './wire/schemas.js';
export { canonicalJson, sha256Hex, snapshotHash } from './wire/snapshot.js';
export type { FromSchema } from './wire/from-schema.js';
export {
  recordLeaf,
  erasureLeaf,
  snapshotLeaf,
  snapshotErasureLeaf,
  leafHash,
  verifyInclusion,
  verifyConsistency,
  verifyRecordProof,
  verifyExportProofs,
  verifySnapshotProof,
} from './wire/log-proof.js';
export type {
  LoggedRecord,
  ArchivedSnapshotState,
  InclusionProof,
  RecordProof,
  ExportedProof,
  ExportedSnapshotProof,
} from './wire/log-proof.js';

/** One of the four languages of the institute's sites. */
export type Lang = (typeof LANGS)[number];
/** How a visitor decided. */
export type Method = (typeof DECISION_METHODS)[number];
/** What a receipt records: a {@link Method}, or `withdraw`. */
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

/** Where a decision was taken (a receipt's `layer`). */
export type Layer = (typeof LAYERS)[number];

/** What goes to `recordEndpoint` after each decision; `receiptId` lets the server drop duplicates. */
export type Receipt = FromSchema<typeof receiptSchema>;

/**
 * An analytics hit, sent as JSON to `analyticsEndpoint`. Before analytics consent it holds only
 * the anonymous fields; the ones marked "after consent" appear only when granted and configured.
 */
export type Hit = FromSchema<typeof hitSchema>;

/**
 * What the visitor could see when deciding, in the page's language; a receipt's `shown` is the
 * SHA-256 of its canonical serialisation (`snapshotHash`).
 */
export type Snapshot = FromSchema<typeof snapshotSchema>;

/** `track()` props: a flat map of short strings, numbers and booleans. */
export type TrackProps = NonNullable<Hit['props']>;
