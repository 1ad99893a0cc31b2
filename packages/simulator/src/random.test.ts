import { describe, expect, it } from 'vitest';
import { createRng, hashString, mulberry32, seedFor } from './random';

describe('random', () => {
  it('mulberry32 gives the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(first[0]);
  });

  it('keys streams by seed and scope, independently of other scopes', () => {
    expect(seedFor(1, 'deploys', 'payments-api')).toBe(seedFor(1, 'deploys', 'payments-api'));
    expect(seedFor(1, 'ab', 'c')).not.toBe(seedFor(1, 'a', 'bc'));
    expect(seedFor(2, 'deploys', 'payments-api')).not.toBe(seedFor(1, 'deploys', 'payments-api'));
    expect(hashString('')).toBe(0x811c9dc5);
    expect(createRng(1, 'x').next()).toBe(createRng(1, 'x').next());
  });

  it('helpers stay in range and follow their distributions', () => {
    const rng = createRng(99, 'helpers');
    const ints = Array.from({ length: 2000 }, () => rng.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));

    const leadTimes = Array.from({ length: 4001 }, () => rng.logNormal(10, 40)).sort((x, y) => x - y);
    expect(leadTimes[2000]).toBeGreaterThan(8.5);
    expect(leadTimes[2000]).toBeLessThan(11.5);
    expect(leadTimes[3600]).toBeGreaterThan(32);
    expect(leadTimes[3600]).toBeLessThan(48);

    const counts = Array.from({ length: 3000 }, () => rng.poisson(2.5));
    const mean = counts.reduce((s, x) => s + x, 0) / counts.length;
    expect(mean).toBeGreaterThan(2.3);
    expect(mean).toBeLessThan(2.7);

    const picks = Array.from({ length: 3000 }, () => rng.weighted({ P1: 1, P3: 3 }));
    const p1Share = picks.filter((p) => p === 'P1').length / picks.length;
    expect(p1Share).toBeGreaterThan(0.2);
    expect(p1Share).toBeLessThan(0.3);

    expect(rng.hex(12)).toMatch(/^[0-9a-f]{12}$/);
    expect(() => rng.pick([])).toThrow();
  });
});
