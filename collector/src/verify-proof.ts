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

/** Resolves with the exit code: 0 every record and snapshot proven, 1 one is not (or none to check). */
export async function runVerifyProof(
  file: string | undefined,
  options: Pick<Options, 'logKey'>,
  write: (line: string) => void,
): Promise<number> {
  if (!file || !existsSync(file)) throw new Error(`no export file at ${file ?? '(none given)'}`);
  let exported: Export;
  try {
    exported = JSON.parse(readFileSync(file, 'utf8')) as Export;
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!isExport(exported)) {
    throw new Error(
      `${file} is not an export of garde-collector (records, log.checkpoint and log.proofs expected)`,
    );
  }
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
  const named = new Set<string>();
  for await (const { proof, ok } of verifyExportProofs(
    exported.records,
    exported.log.proofs,
    head,
  )) {
    if (!ok) failed++;
    if (!isObject(proof)) {
      write(`NOT PROVEN: ${JSON.stringify(proof)} is not a proof\n`);
      continue;
    }
    named.add(proof.receiptId);
    write(
      `${ok ? 'included' : 'NOT PROVEN'}: receipt ${proof.receiptId} (leaf ${proof.leafIndex})\n`,
    );
  }
  for (const proof of exported.log.snapshots ?? []) {
    const ok = await verifySnapshotProof(proof, head);
    if (!isObject(proof)) {
      failed++;
      write(`NOT PROVEN: ${JSON.stringify(proof)} is not a snapshot's proof\n`);
      continue;
    }
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
  // Every record of the export must be proven: one added to the file, given twice or said to be pending
  // is not (the proofs alone say nothing of a record they do not name).
  const times = new Map<string, number>();
  for (const record of exported.records) {
    const receiptId = isObject(record) ? record.receiptId : JSON.stringify(record);
    times.set(receiptId, (times.get(receiptId) ?? 0) + 1);
  }
  const pending = new Set(exported.log.pending);
  for (const [id, count] of times) {
    if (count === 1 && named.has(id)) continue; // its proof's line says it
    failed++;
    if (count > 1) write(`NOT PROVEN: receipt ${id} (in the export ${count} times)\n`);
    else if (pending.has(id))
      write(`pending: receipt ${id} (not yet in a checkpoint: export again)\n`);
    else write(`NOT PROVEN: receipt ${id} (no proof in the export)\n`);
  }
  return failed || !exported.log.proofs.length ? 1 : 0;
}

interface Export {
  records: LoggedRecord[];
  // What the visitor was shown (exports made before it was carried have none).
  snapshots?: Array<{ hash: string; snapshot: unknown }>;
  // Exports made before snapshots were leaves have no `snapshots`.
  log: Omit<ExportedLog, 'snapshots' | 'checkpoint'> &
    Partial<Pick<ExportedLog, 'snapshots'>> & { checkpoint: string };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The lists an export has; their entries may still be anything, which the checks say "not proven". */
function isExport(value: unknown): value is Export {
  if (!isObject(value) || !Array.isArray(value.records) || !isObject(value.log)) return false;
  const { checkpoint, proofs, pending, snapshots } = value.log;
  return (
    typeof checkpoint === 'string' &&
    Array.isArray(proofs) &&
    Array.isArray(pending ?? []) &&
    Array.isArray(snapshots ?? [])
  );
}
