// Micro-batching of writes: everything that arrives while the event loop turns goes into one transaction,
// and each caller is answered only once that transaction has committed.

/** Queues items and writes them in batches; `add` resolves after the batch holding the item is committed. */
export interface Batcher<T> {
  add(item: T): Promise<void>;
  /** Resolves once everything queued so far is written (graceful shutdown). */
  drain(): Promise<void>;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** One write at a time; items queued meanwhile form the next batch (at most `max` rows). */
export function createBatcher<T>(write: (items: T[]) => Promise<void>, max = 1000): Batcher<T> {
  let queue: Pending<T>[] = [];
  let scheduled = false;
  let running: Promise<void> | null = null;

  const schedule = () => {
    if (scheduled || running) return;
    scheduled = true;
    // setImmediate runs after the I/O callbacks of this turn, so requests parsed together share a commit.
    setImmediate(flush);
  };

  const flush = () => {
    scheduled = false;
    if (running || !queue.length) return;
    const batch = queue.slice(0, max);
    queue = queue.slice(batch.length);
    running = (async () => {
      try {
        await write(batch.map((p) => p.item));
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    })().finally(() => {
      running = null;
      if (queue.length) schedule();
    });
  };

  return {
    add(item) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    async drain() {
      while (running || queue.length) {
        if (running) await running;
        else flush();
      }
    },
  };
}
