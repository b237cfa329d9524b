// What a decision sends, as the server receives it (the beacon recorder): the receipt's path is
// reduced like a hit's, and neither a receipt nor a hit carries the page URL in a Referer header.
import { expect } from '@open-wc/testing';
import type { Hit, Receipt } from '../../src/core/types.js';
import { config, reset, start, until } from './helpers.js';

interface Beacon {
  body: string;
  referer: string;
  headers: Record<string, string>;
}

const NUMBER = '85073112345';
const ADDRESS = 'jean.dupont@example.be';
let count = 0;

async function received(box: string, atLeast: number): Promise<Beacon[]> {
  const all: Beacon[] = [];
  await until(async () => {
    all.push(...(await (await fetch(`/__beacons/${box}`)).json()));
    return all.length >= atLeast;
  });
  return all;
}

describe('what leaves the page with a decision', () => {
  const startUrl = location.href;
  beforeEach(async () => {
    await reset();
    // A page whose URL holds a national register number and an e-mail address.
    history.replaceState(null, '', `/fr/dossier/${NUMBER}/?email=${ADDRESS}`);
  });
  afterEach(() => history.replaceState(null, '', startUrl));
  after(reset);

  it('the receipt and the hit hold the reduced path, and no Referer header reaches the server', async () => {
    const box = `effects-${Date.now()}-${++count}`;
    const garde = start(
      config({
        recordEndpoint: `/__beacons/${box}-receipts`,
        analyticsEndpoint: `/__beacons/${box}-hits`,
        analytics: { autoPageview: true },
      }),
    );
    garde.acceptAll();
    const [receiptRecord] = await received(`${box}-receipts`, 1);
    const [hitRecord] = await received(`${box}-hits`, 1);
    const receipt = JSON.parse(receiptRecord!.body) as Receipt;
    const hit = JSON.parse(hitRecord!.body) as Hit;
    expect(receipt.path).to.equal('/fr/dossier/:redacted/');
    expect(hit.path).to.equal('/fr/dossier/:redacted/');
    for (const record of [receiptRecord!, hitRecord!]) {
      expect(record.referer, 'Referer header').to.equal('');
      // Neither in the body nor in any header (Referer, Origin…) of either request.
      const everything = record.body + JSON.stringify(record.headers);
      for (const leak of [NUMBER, 'jean.dupont', 'example.be'])
        expect(everything).not.to.contain(leak);
    }
  });
});
