import { StaleWhileReload } from './staleWhileReload';

describe('StaleWhileReload', () => {
  let now = 0;
  let loads = 0;
  const load = (value: string) => async () => {
    loads += 1;
    return value;
  };
  beforeEach(() => {
    now = 0;
    loads = 0;
  });

  it('answers from the value before while a new version loads, then from the new one', async () => {
    const cache = new StaleWhileReload<string>(60_000, () => now);
    expect(await cache.get('k', { version: '1' }, load('a'))).toBe('a');
    expect(await cache.get('k', { version: '1' }, load('never'))).toBe('a');
    expect(await cache.get('k', { version: '2' }, load('b'))).toBe('a');
    expect(await cache.get('k', { version: '2' }, load('never'))).toBe('b');
    now = 61_000;
    expect(await cache.get('k', { version: '2' }, load('c'))).toBe('b');
    expect(await cache.get('k', { version: '2' }, load('never'))).toBe('c');
    expect(loads).toBe(3);
  });

  it('never answers a different variant with the old value', async () => {
    const cache = new StaleWhileReload<string>(60_000, () => now);
    await cache.get('k', { variant: 'monday', version: '1' }, load('a'));
    expect(await cache.get('k', { variant: 'tuesday', version: '1' }, load('b'))).toBe('b');
  });

  it('forgets a failed first load, and keeps the old value when a reload fails', async () => {
    const cache = new StaleWhileReload<string>(60_000, () => now);
    await expect(cache.get('k', { version: '1' }, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', { version: '1' }, load('a'))).toBe('a');
    expect(await cache.get('k', { version: '2' }, () => Promise.reject(new Error('down')))).toBe('a');
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(await cache.get('k', { version: '2' }, load('b'))).toBe('a');
    expect(await cache.get('k', { version: '2' }, load('never'))).toBe('b');
  });
});
