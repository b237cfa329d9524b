// Checkpoints POSTed to the witnesses: at most one request in flight per witness, cut after
// WITNESS_TIMEOUT_MS. A witness that hangs so holds one socket of the collector, not one a round (two a
// second under load, each kept for minutes), and hears the newest checkpoint once it answers: the newest
// extends every one it missed.
import type { FastifyBaseLogger } from 'fastify';

export const WITNESS_TIMEOUT_MS = 10_000;

interface Witness {
  url: string;
  busy: boolean;
  /** The newest checkpoint signed while a request was in flight. */
  next: string | null;
  /** Whether the last request failed: said once, not every round. */
  failing: boolean;
}

/** The function that sends a checkpoint's text to every witness. */
export function createWitnesses(
  urls: readonly string[],
  logger: FastifyBaseLogger,
): (checkpoint: string) => void {
  const witnesses: Witness[] = urls.map((url) => ({
    url,
    busy: false,
    next: null,
    failing: false,
  }));
  const send = (witness: Witness, checkpoint: string): void => {
    const { url } = witness;
    witness.busy = true;
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: checkpoint,
      signal: AbortSignal.timeout(WITNESS_TIMEOUT_MS),
    })
      .then(
        async (response) => {
          await response.body?.cancel();
          if (!response.ok)
            logger.warn({ url, status: response.status }, 'witness refused a checkpoint');
          else if (witness.failing) logger.info({ url }, 'witness reachable again');
          witness.failing = false;
        },
        (error: unknown) => {
          if (!witness.failing) logger.warn({ url, err: error }, 'witness unreachable');
          witness.failing = true;
        },
      )
      .finally(() => {
        witness.busy = false;
        const next = witness.next;
        witness.next = null;
        if (next) send(witness, next);
      });
  };
  return (checkpoint) => {
    for (const witness of witnesses) {
      if (witness.busy) witness.next = checkpoint;
      else send(witness, checkpoint);
    }
  };
}
