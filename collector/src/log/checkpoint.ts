// Signed checkpoints (tree heads) in the text form of C2SP's tlog-checkpoint and signed notes, as Go's
// sumdb and Sigstore use them: the body is the origin, the tree size, the root hash in base64 and a time
// line; the signature line is "— <origin> base64(key hash[4] ‖ Ed25519 signature)".
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A tree head: what a checkpoint signs. */
export interface TreeHead {
  origin: string;
  size: number;
  /** Hex. */
  root: string;
  /** ISO 8601 UTC. */
  time: string;
}

/** The key that signs checkpoints (the public half alone can only check them). */
export interface LogKey {
  publicKey: KeyObject;
  privateKey: KeyObject | null;
}

/**
 * Reads the key file: an Ed25519 private key (PEM, PKCS#8), or only the public key (PEM, SPKI) to check
 * checkpoints. With `create`, a missing file is made (mode 0600) with a new private key, and the public
 * key is written beside it (FILE.pub) for whoever checks checkpoints.
 */
export function loadLogKey(file: string, create = false): LogKey {
  if (!existsSync(file)) {
    if (!create) throw new Error(`no key file at ${file}`);
    const pair = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
      flag: 'wx',
    });
    writeFileSync(`${file}.pub`, pair.publicKey.export({ type: 'spki', format: 'pem' }), {
      flag: 'wx',
    });
    return pair;
  }
  const pem = readFileSync(file, 'utf8');
  let key: LogKey;
  try {
    if (pem.includes('PRIVATE KEY')) {
      const privateKey = createPrivateKey(pem);
      key = { privateKey, publicKey: createPublicKey(privateKey) };
    } else {
      key = { publicKey: createPublicKey(pem), privateKey: null };
    }
  } catch {
    // OpenSSL's own message ("DECODER routines::unsupported") names neither the file nor the fix.
    throw new Error(
      `${file} is not an Ed25519 key in PEM (PKCS#8 private key, or SPKI public key)`,
    );
  }
  if (key.publicKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`${file} is not an Ed25519 key`);
  return key;
}

// The signed note's key hash: SHA-256(name ‖ "\n" ‖ 0x01 ‖ raw public key), first 4 bytes.
function keyHash(origin: string, publicKey: KeyObject): Buffer {
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  return createHash('sha256')
    .update(`${origin}\n`)
    .update(Buffer.of(1))
    .update(raw)
    .digest()
    .subarray(0, 4);
}

function body(head: TreeHead): string {
  const root = Buffer.from(head.root, 'hex').toString('base64');
  return `${head.origin}\n${head.size}\n${root}\ntime ${head.time}\n`;
}

/** The signed checkpoint text of a tree head. */
export function signCheckpoint(head: TreeHead, key: LogKey): string {
  if (!key.privateKey) throw new Error('the log key file holds no private key');
  const text = body(head);
  const signature = sign(null, Buffer.from(text), key.privateKey);
  const stamp = Buffer.concat([keyHash(head.origin, key.publicKey), signature]).toString('base64');
  return `${text}\n\u2014 ${head.origin} ${stamp}\n`;
}

/** A checkpoint that cannot be read or whose signature does not check out. */
export class CheckpointError extends Error {}

/** Reads a checkpoint's tree head without checking its signature (see openCheckpoint). */
export function readCheckpointText(
  text: string,
): TreeHead & { signed: string; signatures: string[] } {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new CheckpointError('not a signed checkpoint (no signature block)');
  const signed = text.slice(0, split + 1);
  const [origin, sizeText, rootText, timeLine] = signed.split('\n');
  if (!origin || !/^\d+$/.test(sizeText ?? '') || !rootText || !timeLine?.startsWith('time ')) {
    throw new CheckpointError('not a checkpoint (origin, size, root hash and time lines expected)');
  }
  // The collector never signs an empty log; a size past 2^53 - 1 would be rounded, not read.
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new CheckpointError('its tree size is not a whole number from 1 to 2^53 - 1');
  }
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== 32) throw new CheckpointError('its root hash is not 32 bytes');
  return {
    origin,
    size,
    root: root.toString('hex'),
    time: timeLine.slice('time '.length),
    signed,
    signatures: text
      .slice(split + 2)
      .split('\n')
      .filter((line) => line.startsWith(`\u2014 ${origin} `)),
  };
}

/** Reads a signed checkpoint and checks its signature with `publicKey`. */
export function openCheckpoint(text: string, publicKey: KeyObject): TreeHead {
  const { signed, signatures, ...head } = readCheckpointText(text);
  const hash = keyHash(head.origin, publicKey);
  const valid = signatures.some((line) => {
    const stamp = Buffer.from(line.slice(`\u2014 ${head.origin} `.length), 'base64');
    return (
      stamp.length === 68 &&
      stamp.subarray(0, 4).equals(hash) &&
      verify(null, Buffer.from(signed), publicKey, stamp.subarray(4))
    );
  });
  if (!valid) throw new CheckpointError('its signature does not match the log key');
  return head;
}

/**
 * Writes a checkpoint to the directory of checkpoint files, named by tree size; never overwrites a
 * file (an existing one means this size was checkpointed already).
 */
export function writeCheckpointFile(dir: string, size: number, text: string): string | null {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${String(size).padStart(12, '0')}.checkpoint`);
  try {
    writeFileSync(file, text, { flag: 'wx', mode: 0o444 });
    return file;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
}
