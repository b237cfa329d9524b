import { expect } from '@open-wc/testing';
import { currentGarde } from '../../src/core/instance.js';
import { config, reset, start } from './helpers.js';

describe('currentGarde', () => {
  beforeEach(reset);
  after(reset);

  it('returns the last instance init() created', () => {
    const first = start(config());
    expect(currentGarde()).to.equal(first);
    const second = start(config({ lang: 'de' }));
    expect(currentGarde()).to.equal(second);
    expect(currentGarde()!.lang).to.equal('de');
  });
});
