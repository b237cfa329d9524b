import { expect } from '@open-wc/testing';
import { afterPaint } from '../../src/core/after-paint.js';

describe('afterPaint', () => {
  it('runs the work after the next frame, and resolves to its result', async () => {
    let framed = false;
    requestAnimationFrame(() => (framed = true));
    let ran = false;
    const result = afterPaint(() => {
      ran = true;
      return framed;
    });
    await Promise.resolve();
    expect(ran, 'not at once').to.be.false;
    expect(await result, 'after the frame').to.be.true;
  });

  it('rejects with the error the work throws', async () => {
    const error = await afterPaint(() => {
      throw new Error('broken');
    }).catch((caught: Error) => caught);
    expect((error as Error).message).to.equal('broken');
  });
});
