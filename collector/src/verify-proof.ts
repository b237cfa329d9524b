// `garde-collector verify-proof EXPORT.json`: checks the inclusion proofs of an export (GET
// /api/records/:consentId/export) without the database: each record, exactly as exported, must be the leaf
// its proof names in the tree of the export's checkpoint, whose signature is checked with the log's key;
// so must each snapshot leaf the export gives (what the archive logged of what the visitor was shown), and
// each snapshot text the export carries must be the one its hash names.
import { existsSync, readFileSync } from 'node:fs';
import {
  snapshotHash,
  verifyExportProofs,
  verifySnapshotProof,
  type LoggedRecord,
} from 'garde/wire';
import { loadLogKey, openCheckpoint, readCheckpointText, type TreeHead } from './log/checkpoint.js';
import type { ExportedLog } from './log/proofs.js';
import type { Options } from './options.js';

/** Resolves with the exit code: 0 every proof holds, 1 one fails (or none to check). */
export async function runVerifyProof(
  file: string | undefined,
  options: Pick<Options, 'logKey'>,
  write: (line: string) => void,
): Promise<number> {
  if (!file || !existsSync(file)) throw new Error(`no export file at ${file ?? '(none given)'}`);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as {
    records: LoggedRecord[];
    // What the visitor was shown (exports made before it was carried have none).
    snapshots?: Array<{ hash: string; snapshot: unknown }>;
    // Exports made before snapshots were leaves have no `snapshots`.
    log?: Omit<ExportedLog, 'snapshots'> & Partial<Pick<ExportedLog, 'snapshots'>>;
  };
  if (!exported.log?.checkpoint) throw new Error('the export holds no checkpoint');
  let head: TreeHead;
  if (options.logKey) {
    const keyFile = existsSync(options.logKey) ? options.logKey : `${options.logKey}.pub`;
    head = openCheckpoint(exported.log.checkpoint, loadLogKey(keyFile).publicKey);
    write(`checkpoint signature valid: ${head.origin}, ${head.size} leaves, ${head.time}\n`);
  } else {
    head = readCheckpointText(exported.log.checkpoint);
    write(`checkpoint signature NOT checked (give --log-key with the log's public key)\n`);
  }
  let failed = 0;
  for await (const { proof, ok } of verifyExportProofs(
    exported.records,
    exported.log.proofs,
    head,
  )) {
    if (!ok) failed++;
    write(
      `${ok ? 'included' : 'NOT PROVEN'}: receipt ${proof.receiptId} (leaf ${proof.leafIndex})\n`,
    );
  }
  for (const proof of exported.log.snapshots ?? []) {
    const ok = await verifySnapshotProof(proof, head);
    if (!ok) failed++;
    const published = proof.publishedAt ? `, published ${proof.publishedAt}` : '';
    write(
      `${ok ? 'included' : 'NOT PROVEN'}: snapshot ${proof.hash} stored ${proof.storedAt}${published} (leaf ${proof.leafIndex})\n`,
    );
  }
  // The texts: a hash is the record's only link to what was shown, so a text that is not the one its
  // hash names proves nothing (edited in the file, or another snapshot put in its place).
  for (const entry of Array.isArray(exported.snapshots) ? exported.snapshots : []) {
    const hash = String(entry?.hash);
    const ok = (await snapshotHash(entry?.snapshot)) === hash;
    if (!ok) failed++;
    write(`${ok ? 'text matches' : 'TEXT DIFFERS'}: snapshot ${hash}\n`);
  }
  for (const id of exported.log.pending)
    write(`pending: receipt ${id} (not yet in a checkpoint)\n`);
  return failed || !exported.log.proofs.length ? 1 : 0;
}
