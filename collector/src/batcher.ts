// Micro-batching of writes: everything that arrives while the event loop turns goes into one transaction,
// and each caller is answered only once that transaction has committed. A batch that fails is retried row
// by row, so one row the database refuses fails only its own request.

/** Queues items and writes them in batches; `add` resolves after the batch holding the item is committed. */
export interface Batcher<T, R = void> {
  /** Resolves with the write's outcome for this item once committed. */
  add(item: T): Promise<R>;
  /** Resolves once everything queued so far is written (graceful shutdown). */
  drain(): Promise<void>;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * One write at a time; items queued meanwhile form the next batch (at most `max` rows). `write` commits
 * its items in one transaction (all or nothing) and returns one outcome per item, in order.
 */
export function createBatcher<T, R = void>(
  write: (items: T[]) => Promise<R[] | void>,
  max = 1000,
): Batcher<T, R> {
  let queue: Pending<T, R>[] = [];
  let scheduled = false;
  let running: Promise<void> | null = null;

  const schedule = () => {
    if (scheduled || running) return;
    scheduled = true;
    // setImmediate runs after the I/O callbacks of this turn, so requests parsed together share a commit.
    setImmediate(flush);
  };

  // The write `done` is over: the next batch, queued meanwhile, goes to the database now.
  const next = (done: Promise<void> | null) => {
    if (!done || running !== done) return;
    running = null;
    if (queue.length) flush();
  };

  const commit = async (batch: Pending<T, R>[], handOver = false) => {
    const results = await write(batch.map((pending) => pending.item));
    // The database gets the next batch before this one's callers are answered: answering them writes
    // their replies, and the database would wait for those otherwise.
    if (handOver) next(running);
    batch.forEach((pending, index) => pending.resolve((results ?? [])[index] as R));
  };

  const flush = () => {
    scheduled = false;
    if (running || !queue.length) return;
    const batch = queue.slice(0, max);
    queue = queue.slice(batch.length);
    const current = (async () => {
      try {
        await commit(batch, true);
      } catch (error) {
        if (batch.length === 1) {
          batch[0]!.reject(error);
          return;
        }
        // The transaction rolled back as a whole: each row alone, so only the bad one fails.
        for (const pending of batch) {
          await commit([pending]).catch(pending.reject);
        }
      }
    })();
    running = current;
    void current.finally(() => next(current));
  };

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
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
