// What a visitor was shown, for the export of an access request: the stored snapshots their records name.
import type { Storage, StoredRecord } from '../storage/types.js';

/** A stored snapshot as an export gives it: what is known of it, and its text as a JSON value. */
export interface ExportedSnapshot {
  hash: string;
  lang: string;
  v: string;
  policyVersion: string;
  storedAt: string;
  snapshot: unknown;
}

/**
 * The snapshots `records` name in `shown`, each once, in the order first named. A hash whose snapshot
 * the collector never received (no visitor's page sent it) is left out: the records still name it, and
 * the export's log says whether it was archived.
 */
export async function shownTo(
  storage: Pick<Storage, 'snapshot'>,
  records: readonly Pick<StoredRecord, 'shown'>[],
): Promise<ExportedSnapshot[]> {
  const hashes = [...new Set(records.flatMap(({ shown }) => (shown ? [shown] : [])))];
  const exported: ExportedSnapshot[] = [];
  for (const hash of hashes) {
    const stored = await storage.snapshot(hash);
    if (!stored) continue;
    // The stored text is exactly what was hashed: parsed, so that the file is one JSON document whose
    // snapshot re-serialises (canonicalJson) to that text.
    const { content, ...about } = stored;
    exported.push({ ...about, snapshot: JSON.parse(content) as unknown });
  }
  return exported;
}
