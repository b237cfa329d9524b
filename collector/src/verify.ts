// `garde-collector verify`: recomputes the tamper-evident chain of the stored records.
import type { Options } from './options.js';
import { verifyChain, type ChainVerdict } from './storage/chain.js';
import { describeStorage, openStorage } from './storage/open.js';

/** Opens the configured database, walks the chain, and reports; resolves with the exit code (0 intact, 1 not). */
export async function runVerify(
  options: Pick<Options, 'databaseUrl' | 'db' | 'sqliteSync'>,
  write: (line: string) => void,
): Promise<number> {
  const storage = await openStorage(options);
  let verdict: ChainVerdict;
  try {
    const erasedOnRecord = (await storage.erasures()).reduce(
      (sum, erasure) => sum + erasure.rows,
      0,
    );
    verdict = await verifyChain(storage.chainRows(), await storage.chainHead(), erasedOnRecord);
  } finally {
    await storage.close();
  }
  const where = describeStorage(options);
  if (verdict.ok) {
    write(`chain intact: ${verdict.length} records in ${where}, head ${verdict.head}\n`);
    return 0;
  }
  const receipt = verdict.receiptId === null ? '' : ` (receipt ${verdict.receiptId})`;
  write(`chain broken at row ${verdict.seq}${receipt} in ${where}: ${verdict.reason}\n`);
  return 1;
}
