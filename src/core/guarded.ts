/**
 * Runs `work`, reporting an error instead of throwing it: a failing integration, listener or
 * tracker must not take consent down with it.
 */
export function guarded(work: () => void): void {
  try {
    work();
  } catch (error) {
    console.error('garde:', error);
  }
}
