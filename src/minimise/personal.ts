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
  const text = String(value);
  return /\S@\S+\.\S/.test(text) || /\d{9}/.test(text.replace(/[\s.\-/()+]/g, ''));
}

/** Whether `name` is usable as an event name: a non-empty short string that is not personal. */
export function validName(name: unknown): name is string {
  return (
    typeof name === 'string' && !!name && name.length <= MAX_VALUE_LENGTH && !looksPersonal(name)
  );
}

/** A boolean, a finite number or a short string, none of them personal-looking. */
function safeValue(value: unknown): value is string | number | boolean {
  if (typeof value === 'boolean') return true;
  if (typeof value === 'number') return isFinite(value) && !looksPersonal(value);
  return typeof value === 'string' && value.length <= MAX_VALUE_LENGTH && !looksPersonal(value);
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
  if (!props || typeof props !== 'object') return;
  const kept: TrackProps = {};
  let count = 0;
  for (const [key, value] of Object.entries(props)) {
    if (count < MAX_PROPS && validName(key) && safeValue(value)) {
      kept[key] = value;
      count++;
    } else onDrop?.(key);
  }
  return count ? kept : undefined;
}
