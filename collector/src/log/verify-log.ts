// The walk of verify: every leaf against what it stands for, the tree rebuilt from the leaves, the head,
// and an earlier checkpoint the log must extend. Each finding names what was done to the log.
import { createHash } from 'node:crypto';
import { recordLeaf, verifyConsistency } from 'garde/wire';
import { consistencyPlan, leafHashOf, prove, TreeBuilder } from './tree.js';
import type { TreeHead } from './checkpoint.js';
import { ArchiveLeaves, NOT_OURS, parseLeaf } from './archive-leaves.js';
import type { ArchivedSnapshot, LeafRow, LogSnapshot } from './types.js';

/** What verify found: counts, and each problem as a sentence (empty when the log is intact). */
export interface LogVerdict {
  size: number;
  root: string;
  records: number;
  erasures: number;
  /** Snapshots in the archive, each checked against its hash and its leaf. */
  snapshots: number;
  /** Leaves of the archive: snapshots stored or registered, and snapshot erasures. */
  snapshotLeaves: number;
  problems: string[];
}

/** Findings beyond this many are counted, not listed. */
const MAX_LISTED = 20;

export async function verifyLog(
  snapshot: LogSnapshot,
  checkpoint: TreeHead | null,
  progress: (leaves: number) => void = () => {},
): Promise<LogVerdict> {
  const head = await snapshot.head();
  const problems: string[] = [];
  let more = 0;
  const problem = (text: string) => {
    if (problems.length < MAX_LISTED) problems.push(text);
    else more++;
  };
  const tree = new TreeBuilder();
  let checkpointRoot: string | null = null;
  const named = new Set<number>();
  const tombstones: number[] = [];
  let records = 0;
  let erasures = 0;
  const archive = new ArchiveLeaves();
  /** Each erasure leaf as it reads: [tag, at, reason, actor, leaves], by leaf index. */
  const erasureLeaves = new Map<number, unknown[]>();

  const check = (row: LeafRow): void => {
    while (tree.size < row.leafIndex) {
      // A gap: the leaf was deleted (and the tree cannot be rebuilt as it was).
      problem(`leaf ${tree.size} is missing: removed from the log`);
      tree.add('0'.repeat(64));
      if (checkpoint && tree.size === checkpoint.size) checkpointRoot = tree.root();
    }
    const at = `leaf ${row.leafIndex}`;
    if (row.kind === 'record') {
      records++;
      if (row.record === 'missing') problem(`${at}: its record was deleted`);
      else if (row.record === 'erased') tombstones.push(row.leafIndex);
      else if (row.record.salt === null) problem(`${at}: its record lost its salt`);
      else if (leafHashOf(recordLeaf(row.record.content, row.record.salt)) !== row.leafHash) {
        problem(
          `${at} (receipt ${row.record.content.receiptId}): its content does not match its leaf hash: edited, or moved from another leaf`,
        );
      }
    } else if (row.leaf === null || leafHashOf(row.leaf) !== row.leafHash) {
      problem(`${at}: the ${row.kind} it records does not match its leaf hash: edited`);
    } else if (row.kind === 'erasure') {
      erasures++;
      const parsed = parseLeaf(row.leaf);
      const leaves = Array.isArray(parsed) ? (parsed[4] as unknown) : null;
      if (!Array.isArray(leaves)) problem(`${at}: the erasure it records is ${NOT_OURS}`);
      else {
        for (const index of leaves) if (index < row.leafIndex) named.add(index as number);
        erasureLeaves.set(row.leafIndex, parsed as unknown[]);
      }
    } else if (row.kind === 'snapshot' || row.kind === 'snapshot-erasure') {
      const why = archive.add(row.leafIndex, row.leaf);
      if (why) problem(`${at}: the ${row.kind} it records is ${why}`);
    }
    tree.add(row.leafHash);
    if (checkpoint && tree.size === checkpoint.size) checkpointRoot = tree.root();
    if (tree.size % 100_000 === 0) progress(tree.size);
  };
  // The snapshot reads in batches: one await a batch, not a leaf.
  for await (const batch of snapshot.leaves()) for (const row of batch) check(row);
  for (const index of tombstones) {
    if (!named.has(index)) {
      problem(
        `leaf ${index}: its record is erased, but no erasure in the log names it: a tombstone made by hand`,
      );
    }
  }
  const root = tree.root();
  if (tree.size !== head.size) {
    problem(`the head says ${head.size} leaves, the log holds ${tree.size}`);
  } else if (root !== head.root) {
    problem(`the head's root hash does not follow from the leaves`);
  }
  const stray = await snapshot.strayRecords(tree.size);
  if (stray) problem(`${stray} records claim leaves past the end of the log, or no leaf at all`);
  // The erasures list the admin page shows says what the log says: each row that names its leaf
  // (schema 15 on) has the leaf's time, reason, actor and count of records.
  for (const row of await snapshot.erasureRows()) {
    const leaf = erasureLeaves.get(row.leafIndex);
    const said = `the erasure of ${row.at} (${row.reason}, ${row.rows} records, by ${row.actor})`;
    if (!leaf) problem(`${said} names leaf ${row.leafIndex}, which is no erasure in the log`);
    else if (
      leaf[1] !== row.at ||
      leaf[2] !== row.reason ||
      leaf[3] !== row.actor ||
      (leaf[4] as unknown[]).length !== row.rows
    ) {
      problem(`${said}: its leaf ${row.leafIndex} says otherwise: the erasures table was edited`);
    }
  }
  // What visitors were shown: each snapshot is kept under the hash of its content, the `shown` that
  // the records (leaves) name; content edited in the archive no longer matches its key. Its last leaf
  // says when it was stored and published: a row without a leaf, a row the log says was erased, a
  // date that differs, and a leaf whose row is gone are each named.
  let snapshots = 0;
  for await (const batch of snapshot.snapshots()) {
    for (const archived of batch) {
      snapshots++;
      const why = archivedSnapshotProblem(archived);
      if (why) problem(`snapshot ${archived.hash}: ${why}`);
      const unlike = archive.problemOf(archived);
      if (unlike) problem(`snapshot ${archived.hash}: ${unlike}`);
    }
  }
  for (const [hash, leafIndex] of archive.unmatched()) {
    problem(
      `snapshot ${hash} (leaf ${leafIndex}): removed from the archive, and no erasure in the log says so`,
    );
  }

  if (checkpoint) {
    const since = `the checkpoint of ${checkpoint.time} (${checkpoint.size} leaves)`;
    if (tree.size < checkpoint.size) {
      problem(`truncated: the log holds ${tree.size} leaves, fewer than ${since}`);
    } else {
      if (checkpointRoot !== checkpoint.root) {
        problem(
          `rewritten: the first ${checkpoint.size} leaves are not those of ${since} (rows removed, reordered or replaced, and the log rebuilt)`,
        );
      }
      const proof = await prove(
        consistencyPlan(checkpoint.size, head.size),
        snapshot.readHashes,
      ).catch(() => null);
      if (
        !proof ||
        !(await verifyConsistency(checkpoint.size, checkpoint.root, head.size, head.root, proof))
      ) {
        problem(
          `the consistency proof from ${since} to the head fails: the log does not extend it`,
        );
      }
    }
  }
  if (more) problems.push(`… and ${more} more`);
  return {
    size: tree.size,
    root,
    records,
    erasures,
    snapshots,
    snapshotLeaves: archive.leaves,
    problems,
  };
}

/** Why an archived snapshot is not what its key says, or null. */
function archivedSnapshotProblem(archived: ArchivedSnapshot): string | null {
  if (createHash('sha256').update(archived.content).digest('hex') !== archived.hash) {
    return 'its content does not match its hash: edited in the archive';
  }
  let content: { lang?: unknown; v?: unknown; policy?: { version?: unknown } };
  try {
    content = JSON.parse(archived.content) as typeof content;
  } catch {
    return 'its content is not JSON';
  }
  if (
    content.lang !== archived.lang ||
    content.v !== archived.gardeVersion ||
    content.policy?.version !== archived.policyVersion
  ) {
    return 'its language, garde version or policy version columns differ from its content: edited';
  }
  return null;
}
