import { StreamHeadCache } from './stream-head-cache';

describe('StreamHeadCache', () => {
  it('only moves a head forward, and forgets the oldest stream beyond its capacity', () => {
    const cache = new StreamHeadCache(2);
    cache.remember('a', { revision: 5n, hash: 'h5' });
    cache.remember('a', { revision: 3n, hash: 'h3' });
    expect(cache.get('a')).toEqual({ revision: 5n, hash: 'h5' });
    cache.remember('b', { revision: 0n, hash: 'b0' });
    cache.remember('c', { revision: 0n, hash: 'c0' });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toEqual({ revision: 0n, hash: 'c0' });
    cache.forget('c');
    expect(cache.get('c')).toBeUndefined();
  });
});
