/**
 * Runs `work` once the page has painted its next frame (a task after the frame), and resolves to
 * its result: for what can wait until the banner is on screen (the outbox, the first hit, the
 * placeholders' file). In a hidden page, where no frame comes, at the next task.
 */
export function afterPaint<T>(work: () => T): Promise<Awaited<T>> {
  return new Promise((resolve, reject) => {
    const run = () =>
      setTimeout(() => {
        try {
          resolve(work() as Awaited<T>);
        } catch (error) {
          reject(error);
        }
      });
    if (document.visibilityState === 'visible') requestAnimationFrame(run);
    else run();
  });
}
