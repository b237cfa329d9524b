// Schema 13, one step per database; listed in the migrations of each, never edited once shipped.
// PostgreSQL: a record's leaf index leaves consent_records. The sequencer used to UPDATE every row it put
// into the tree to set its leaf index: leaf_index is indexed, so that update could not be HOT and wrote
// each row and its index entries a second time (about half of PostgreSQL's work per receipt). Now the
// insert writes the row once, with its salt, and in the same statement the receipt's id into log_queue
// (a heap without an index: the rows waiting); the sequencer takes the queue's rows and links each leaf to
// its record in log_leaves.receipt_id. A record is in the tree when a leaf names it. Existing leaves are
// linked from the old column, and the rows still waiting are queued.
// SQLite: nothing changes (its writer thread gives each row its leaf in the insert's transaction); the
// step is empty so that both databases keep one schema number.

/** Schema 13 for SQLite: nothing. */
export const SQLITE_LOG_QUEUE = `SELECT 1;`;

/** Schema 13 for PostgreSQL. */
export const POSTGRES_LOG_QUEUE = `
  CREATE TABLE log_queue (receipt_id text NOT NULL);
  ALTER TABLE log_leaves ADD COLUMN receipt_id text;
  UPDATE log_leaves l SET receipt_id = r.receipt_id
    FROM consent_records r WHERE r.leaf_index = l.leaf_index;
  CREATE UNIQUE INDEX log_leaves_by_receipt ON log_leaves (receipt_id);
  INSERT INTO log_queue (receipt_id)
    SELECT receipt_id FROM consent_records WHERE leaf_index IS NULL ORDER BY received_at, receipt_id;
  DROP INDEX consent_records_unlogged;
  DROP INDEX consent_records_by_leaf;
  ALTER TABLE consent_records DROP COLUMN leaf_index;
`;
