// Schema step of the hits' paths, one per database; listed in the migrations of each, never edited once
// shipped.

/**
 * Schema 9, both databases: hits stored before their path was cut to 1,024 bytes at ingress can hold a
 * path too long for an index entry; the retention's roll-up into hit_days (keyed on it) would then fail,
 * and with it every retention run. Such paths are cut once here (300 characters: at most 1,200 bytes).
 */
export const CUT_LONG_HIT_PATHS = {
  sqlite: `UPDATE hits SET path = substr(path, 1, 300) || '…' WHERE length(CAST(path AS BLOB)) > 1024;`,
  postgres: `UPDATE hits SET path = left(path, 300) || '…' WHERE octet_length(path) > 1024;`,
};
