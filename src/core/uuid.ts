/**
 * A random UUID v4 from `crypto.getRandomValues`: `crypto.randomUUID` exists only in secure
 * contexts, and garde must work on plain http pages too. Each 0, 1 and 8 of the template is
 * replaced by random bits (the 4 and the variant's top bits stay). For the analytics ids, which
 * must carry nothing, not even the time they were made.
 */
export const uuid = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (
      Number(digit) ^
      (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (Number(digit) / 4)))
    ).toString(16),
  );

/**
 * A time-ordered UUID v7 (RFC 9562): the Unix time in milliseconds (48 bits), the version 7, then
 * v4's random bits and variant. For consent and receipt ids: ids made one after another sort
 * together, so the collector's indexes on them grow at one end instead of writing a random page
 * per receipt (docs/collector.md). The time it carries is the record's own `ts` anyway.
 */
export const uuidV7 = (now = Date.now()): string => {
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${uuid().slice(15)}`;
};
