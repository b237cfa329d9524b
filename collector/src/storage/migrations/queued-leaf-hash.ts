// Schema 14, one step per database; listed in the migrations of each, never edited once shipped.
// PostgreSQL: the insert puts each record's leaf hash in log_queue with its id. The collector computes it
// from the values it inserts (with the salt it chose), so the sequencer no longer reads every record back
// to rebuild its leaf: it reads the queue's ids and hashes, in receive order. A row queued without a hash
// (by schema 13's step, or by a collector of schema 13 during an upgrade) is read back and hashed as
// before. SQLite: nothing (its writer thread already builds each leaf in the insert's transaction).

/** Schema 14 for SQLite: nothing. */
export const SQLITE_QUEUED_LEAF_HASH = `SELECT 1;`;

/** Schema 14 for PostgreSQL. */
export const POSTGRES_QUEUED_LEAF_HASH = `ALTER TABLE log_queue ADD COLUMN leaf_hash text;`;
