// The collector's transparency log, as anyone can check it without the database: how a record becomes a
// leaf, and the verification of inclusion and consistency proofs of RFC 9162 (section 2.1), with WebCrypto
// so that it runs in Node and in browsers. Leaf hash = SHA-256(0x00 ‖ leaf), node = SHA-256(0x01 ‖ l ‖ r).
import { canonicalJson } from './snapshot.js';

/** A stored consent record's fields, as the export gives them. */
export interface LoggedRecord {
  receiptId: string;
  id: string;
  ts: string;
  receivedAt: string;
  version: string;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  method: string;
  lang: string;
  path: string;
  origin: string | null;
  clockSkew: boolean;
  shown: string | null;
  layer: string | null;
  v: string | null;
}

/**
 * The leaf of a record: the JSON array ["garde/record", salt, receiptId, id, ts, receivedAt, version,
 * categories, services, method, lang, path, origin, clockSkew, shown, layer, v], where categories and
 * services are their canonical JSON text. The random salt (erased with the record) keeps the leaf hash
 * from revealing anything once the content is gone.
 */
export function recordLeaf(record: LoggedRecord, salt: string): string {
  return JSON.stringify([
    'garde/record',
    salt,
    record.receiptId,
    record.id,
    record.ts,
    record.receivedAt,
    record.version,
    canonicalJson(record.categories),
    canonicalJson(record.services),
    record.method,
    record.lang,
    record.path,
    record.origin,
    record.clockSkew,
    record.shown,
    record.layer,
    record.v,
  ]);
}

/** An erasure's leaf: ["garde/erasure", at, reason, actor, [leaf indexes erased]]. */
export function erasureLeaf(erasure: {
  at: string;
  reason: string;
  actor: string;
  leaves: number[];
}): string {
  return JSON.stringify([
    'garde/erasure',
    erasure.at,
    erasure.reason,
    erasure.actor,
    erasure.leaves,
  ]);
}

/** What the archive says of one snapshot: when it was stored, and when the site published it (or null). */
export interface ArchivedSnapshotState {
  /** The SHA-256 (hex) of the snapshot's canonical content: its key, the `shown` of the records. */
  hash: string;
  storedAt: string;
  publishedAt: string | null;
}

/**
 * A snapshot's leaf: ["garde/snapshot", hash, storedAt, publishedAt]. It holds the content's hash, not
 * the content, so that it stays true once the content is erased. Appended when a snapshot enters the
 * archive and again when the site registers it: the last leaf of a hash is what the archive must say.
 */
export function snapshotLeaf(snapshot: ArchivedSnapshotState): string {
  return JSON.stringify(['garde/snapshot', snapshot.hash, snapshot.storedAt, snapshot.publishedAt]);
}

/** The leaf of snapshots erased with the last receipt naming them: ["garde/snapshot-erasure", at, [hashes]]. */
export function snapshotErasureLeaf(erasure: { at: string; hashes: string[] }): string {
  return JSON.stringify(['garde/snapshot-erasure', erasure.at, erasure.hashes]);
}

/** An inclusion proof of one leaf in the tree of a checkpoint (hashes in lowercase hex). */
export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  /** The audit path, from the leaf up. */
  path: string[];
}

const hexToBytes = (hex: string): Uint8Array => {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
};

const bytesToHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

async function sha256(parts: Uint8Array[]): Promise<Uint8Array> {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const data = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

/** SHA-256(0x00 ‖ UTF-8 of leaf), hex. */
export async function leafHash(leaf: string): Promise<string> {
  return bytesToHex(await sha256([Uint8Array.of(0), new TextEncoder().encode(leaf)]));
}

const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256([Uint8Array.of(1), left, right]);

const isHash = (hex: unknown): hex is string =>
  typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex);

const isObject = <T>(value: T): value is NonNullable<T> & object =>
  typeof value === 'object' && value !== null;

/** RFC 9162 2.1.3.2: whether `path` leads from the leaf hash to `root` in a tree of `treeSize`. */
export async function verifyInclusion(
  leafHashHex: string,
  proof: InclusionProof,
  root: string,
): Promise<boolean> {
  // Proofs come from files anyone may hand over: what is not one is not proven, and never throws.
  if (!isObject(proof)) return false;
  const { leafIndex, treeSize, path } = proof;
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return false;
  if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHashHex) || !isHash(root)) return false;
  if (!Array.isArray(path) || !path.every(isHash)) return false;
  // Sizes reach past 2^32: halve with division, not bit shifts.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = hexToBytes(leafHashHex);
  for (const hex of path) {
    if (sn === 0) return false;
    const p = hexToBytes(hex);
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesToHex(r) === root;
}

/**
 * RFC 9162 2.1.4.2: whether `path` proves that the tree of `secondSize` with root `secondRoot` extends the
 * tree of `firstSize` with root `firstRoot` (the same leaves, in the same order, and more).
 */
export async function verifyConsistency(
  firstSize: number,
  firstRoot: string,
  secondSize: number,
  secondRoot: string,
  path: string[],
): Promise<boolean> {
  if (!isHash(firstRoot) || !isHash(secondRoot)) return false;
  if (!Array.isArray(path) || !path.every(isHash)) return false;
  if (!Number.isSafeInteger(firstSize) || !Number.isSafeInteger(secondSize)) return false;
  if (firstSize < 1 || firstSize > secondSize) return false;
  if (firstSize === secondSize) return path.length === 0 && firstRoot === secondRoot;
  const hashes = path.slice();
  if (Number.isInteger(Math.log2(firstSize))) {
    hashes.unshift(firstRoot);
  }
  if (!hashes.length) return false;
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = hexToBytes(hashes[0]!);
  let sr = fr;
  for (const hex of hashes.slice(1)) {
    if (sn === 0) return false;
    const c = hexToBytes(hex);
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return bytesToHex(fr) === firstRoot && bytesToHex(sr) === secondRoot && sn === 0;
}

/** A record's proof as the export gives it. */
export interface RecordProof {
  record: LoggedRecord;
  salt: string;
  proof: InclusionProof;
  /** The checkpoint's root hash (hex) the proof leads to. */
  root: string;
}

/**
 * Checks that a record, exactly as exported, is the leaf `proof.leafIndex` of the tree whose root is
 * `root` (take the root from a signed checkpoint you trust: the collector's, a witness's, your own copy).
 */
export async function verifyRecordProof(entry: RecordProof): Promise<boolean> {
  let leaf: string;
  try {
    leaf = recordLeaf(entry.record, entry.salt);
  } catch {
    // Not a record (null, or nested too deep to write out): not proven.
    return false;
  }
  return verifyInclusion(await leafHash(leaf), entry.proof, entry.root);
}

/** One proof of an export (GET /api/records/:consentId/export): the receipt it is for, its leaf. */
export interface ExportedProof {
  receiptId: string;
  leafIndex: number;
  /** Part of the record's leaf. */
  salt: string;
  /** The audit path, hex, from the leaf up. */
  path: string[];
}

/**
 * Checks each proof of an export against the tree head of its checkpoint: the record the proof names,
 * exactly as exported, must be that leaf (a proof whose record is missing fails). Yields each proof
 * with its result as it is checked, in order, so that a page can show them one by one.
 */
export async function* verifyExportProofs(
  records: readonly LoggedRecord[],
  proofs: readonly ExportedProof[],
  head: { size: number; root: string },
): AsyncGenerator<{ proof: ExportedProof; ok: boolean }> {
  const byId = new Map<unknown, LoggedRecord>();
  for (const record of Array.isArray(records) ? records : []) {
    if (isObject(record)) byId.set(record.receiptId, record);
  }
  const { size, root } = (isObject(head) ? head : {}) as Partial<typeof head>;
  for (const proof of Array.isArray(proofs) ? proofs : []) {
    const record = isObject(proof) ? byId.get(proof.receiptId) : undefined;
    const ok =
      record !== undefined &&
      (await verifyRecordProof({
        record,
        salt: proof.salt,
        proof: { leafIndex: proof.leafIndex, treeSize: size!, path: proof.path },
        root: root!,
      }));
    yield { proof, ok };
  }
}

/**
 * One snapshot's proof in an export: the last leaf the archive appended for a snapshot the exported
 * records name (`shown`), what that leaf says, and its audit path.
 */
export interface ExportedSnapshotProof extends ArchivedSnapshotState {
  leafIndex: number;
  /** The audit path, hex, from the leaf up. */
  path: string[];
}

/**
 * Checks that the archive logged this snapshot as the proof says (its hash, when it was stored, when the
 * site published it): its leaf is leaf `leafIndex` of the tree of the checkpoint `head`.
 */
export async function verifySnapshotProof(
  proof: ExportedSnapshotProof,
  head: { size: number; root: string },
): Promise<boolean> {
  if (!isObject(proof) || !isObject(head)) return false;
  return verifyInclusion(
    await leafHash(snapshotLeaf(proof)),
    { leafIndex: proof.leafIndex, treeSize: head.size, path: proof.path },
    head.root,
  );
}
