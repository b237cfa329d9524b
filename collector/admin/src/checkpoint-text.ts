// The tree head a signed checkpoint states (origin, size, root, time), read in the browser: the proofs
// the admin page checks lead to this root, taken from the signed text itself rather than from the
// export's other fields. The signature is checked where the log's public key is (verify-proof).

/** A checkpoint's tree head; the root in hex. */
export interface CheckpointHead {
  origin: string;
  size: number;
  root: string;
  time: string;
}

/** Reads the body of a signed checkpoint; null when the text is not one. */
export function readCheckpointHead(text: string): CheckpointHead | null {
  const split = text.indexOf('\n\n');
  if (split < 0) return null;
  const [origin, size, root64, time] = text.slice(0, split).split('\n');
  if (!origin || !/^\d+$/.test(size ?? '') || !root64 || !time?.startsWith('time ')) return null;
  let bytes: string;
  try {
    bytes = atob(root64);
  } catch {
    return null;
  }
  if (bytes.length !== 32) return null;
  const root = Array.from(bytes, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  return { origin, size: Number(size), root, time: time.slice('time '.length) };
}
