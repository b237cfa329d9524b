// Analytics must never become a leak of personal data: free-form values that look like an
// e-mail address or a long number (a Belgian national register number, a phone, an IBAN)
// are dropped before anything leaves the page, and again at the collector.
import { MAX_PROPS, MAX_VALUE_LENGTH, type TrackProps } from '../wire.js';

export { MAX_PROPS, MAX_VALUE_LENGTH };

/**
 * Whether a value looks like personal data: an e-mail address, or a run of at least
 * nine digits once spaces and `.-/()+` separators are removed.
 */
export function looksPersonal(value: string | number): boolean {
  const s = String(value);
  return /\S@\S+\.\S/.test(s) || /\d{9}/.test(s.replace(/[\s.\-/()+]/g, ''));
}

/** Whether `name` is usable as an event name: a non-empty short string that is not personal. */
export function validName(name: unknown): name is string {
  return (
    typeof name == 'string' && !!name && name.length <= MAX_VALUE_LENGTH && !looksPersonal(name)
  );
}

/**
 * Keeps the props that are safe to send: at most {@link MAX_PROPS} keys, short keys, strings
 * of at most {@link MAX_VALUE_LENGTH} characters, finite numbers, booleans; nothing that
 * {@link looksPersonal}. `onDrop` hears each dropped key (the tracker warns once per key).
 * Returns undefined when nothing is left.
 */
export function sanitiseProps(
  props: unknown,
  onDrop?: (key: string) => void,
): TrackProps | undefined {
  if (!props || typeof props != 'object') return;
  const out: TrackProps = {};
  let n = 0;
  for (const [k, v] of Object.entries(props)) {
    const t = typeof v;
    if (
      n < MAX_PROPS &&
      validName(k) &&
      (t == 'boolean' ||
        (t == 'number' && isFinite(v) && !looksPersonal(v)) ||
        (t == 'string' && v.length <= MAX_VALUE_LENGTH && !looksPersonal(v)))
    ) {
      out[k] = v;
      n++;
    } else onDrop?.(k);
  }
  return n ? out : undefined;
}
