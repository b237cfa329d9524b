// Schema 10, one step per database; listed in the migrations of each, never edited once shipped.
// The Merkle log (schema 7) proves the records, so the per-row chain of schema 3 goes: a receipt is only
// inserted, and the sequencer puts the rows waiting into the tree in receive order. chain_hash and the head
// row go; seq and content_hash stay only for rows erased before the log existed (their leaf quotes them).

/** Schema 10: the same statements on both databases. */
const LOG_ONLY = `
  DROP INDEX consent_records_unlogged;
  DROP INDEX consent_records_by_seq;
  CREATE INDEX consent_records_unlogged ON consent_records (received_at, receipt_id)
    WHERE leaf_index IS NULL;
  ALTER TABLE consent_records DROP COLUMN chain_hash;
  DROP TABLE chain_head;
`;

/** Schema 10 for SQLite. */
export const SQLITE_LOG_ONLY = LOG_ONLY;

/** Schema 10 for PostgreSQL. */
export const POSTGRES_LOG_ONLY = LOG_ONLY;
