// Seeded, deterministic randomness. Every generated value comes from a stream keyed by
// (seed, scope...), e.g. createRng(seed, 'deploys', 'payments-api', day) — so adding a component or a
// day never changes what another one gets.

/** mulberry32: tiny 32-bit PRNG, good enough for demo data, returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units; stable across platforms and Node versions. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type ScopePart = string | number;

/** One 32-bit seed for a scope; the separator keeps ('ab','c') and ('a','bc') apart. */
export function seedFor(seed: number, ...scope: ScopePart[]): number {
  return hashString([seed, ...scope].join('\u001f'));
}

const Z_P90 = 1.2815515655446004;

export interface Rng {
  /** float in [0, 1) */
  next(): number;
  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number;
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** a key chosen with probability proportional to its weight */
  weighted<K extends string>(weights: Partial<Record<K, number>>): K;
  /** standard normal */
  normal(): number;
  /** log-normal sample with the given median and 90th percentile */
  logNormal(median: number, p90: number): number;
  /** Poisson-distributed count with the given mean */
  poisson(mean: number): number;
  /** `length` characters drawn from `alphabet` */
  chars(alphabet: string, length: number): string;
  hex(length: number): string;
}

export function createRng(seed: number, ...scope: ScopePart[]): Rng {
  const next = mulberry32(seedFor(seed, ...scope));
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: <K extends string>(weights: Partial<Record<K, number>>): K => {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      if (entries.length === 0 || total <= 0) throw new Error('weighted pick needs a positive weight');
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
    normal: () => {
      // Box-Muller; 1 - next() keeps the log argument in (0, 1].
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, p90) => {
      const sigma = Math.max(0, Math.log(p90 / median) / Z_P90);
      return Math.exp(Math.log(median) + sigma * rng.normal());
    },
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
      // Knuth: multiply uniforms until the product drops below e^-mean.
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    chars: (alphabet, length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
    hex: (length) => rng.chars('0123456789abcdef', length),
  };
  return rng;
}
