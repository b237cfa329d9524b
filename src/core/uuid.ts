/**
 * A random UUID v4 from `crypto.getRandomValues`: `crypto.randomUUID` exists only in secure
 * contexts, and garde must work on plain http pages too. Each 0, 1 and 8 of the template is
 * replaced by random bits (the 4 and the variant's top bits stay).
 */
export const uuid = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (
      Number(digit) ^
      (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (Number(digit) / 4)))
    ).toString(16),
  );
