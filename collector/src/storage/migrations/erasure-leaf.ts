// Schema 15, one step per database; listed in the migrations of each, never edited once shipped.
// Each erasure row keeps the index of its leaf in the log, so that the list of erasures points at the
// leaf that proves it (GET /api/erasures' `leafIndex`). Rows recorded before have none (null): an
// erasure older than the log has no leaf, and one after it is found in the log by its content.

/** Schema 15 for SQLite. */
export const SQLITE_ERASURE_LEAF = `ALTER TABLE erasures ADD COLUMN leaf_index INTEGER;`;

/** Schema 15 for PostgreSQL. */
export const POSTGRES_ERASURE_LEAF = `ALTER TABLE erasures ADD COLUMN leaf_index bigint;`;
