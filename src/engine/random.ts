/**
 * Seeded pseudo-random numbers for everything that must be reproducible: data splits, batch
 * order, sample picks. mulberry32: a 32-bit state, good enough for shuffling, and the same
 * sequence in every browser and in Node.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..n-1 in a seeded random order (Fisher-Yates). */
export function shuffledIndices(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * A seed for one stream of a seeded run, named by its place (`path`, e.g. digit, phase, batch),
 * for tfjs's random ops: a 53-bit hash (cyrb53) of the run's seed and the path, in
 * [1, 2^53 - 1] (tfjs reads 0 as no seed). Unlike `seed + i`, neighbouring places never share a
 * stream: any two of a million streams collide with probability below 10^-4.
 */
export function streamSeed(seed: number, ...path: number[]): number {
  const key = [seed, ...path].join("/");
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}
