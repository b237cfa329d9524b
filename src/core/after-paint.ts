/**
 * Runs `work` once the page has painted its next frame (in the task of a timer after the frame),
 * and resolves to its result: for what can wait until the banner is on screen (the outbox, the
 * first hit, the placeholders' file). In a hidden page, where no frame comes, after a timer.
 * A throw in `work` rejects. (The timer only resolves: `work` runs from the promise's reaction, in
 * the same task, which spares a try/catch in garde.js.)
 */
export const afterPaint = <T>(work: () => T): Promise<Awaited<T>> =>
  new Promise((resolve) =>
    (document.hidden ? setTimeout : requestAnimationFrame)(() => setTimeout(resolve)),
  ).then(work) as Promise<Awaited<T>>;
