// Seeded randomness for the generated benchmark corpus: a small PRNG, seed mixing, and weighted
// (Zipf–Mandelbrot) sampling of word ranks.

/** mulberry32: small, fast, good enough to shuffle words. */
export function rngOf(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mixSeed(a, b) {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.imul(h, 0x27d4eb2f) >>> 0;
}

export const pick = (rng, list) => list[Math.floor(rng() * list.length)];
export const capital = (w) => w.charAt(0).toUpperCase() + w.slice(1);

export function shuffle(rng, list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Zipf–Mandelbrot weights 1/(rank + q)^s, scaled to sum to `mass`. */
export function zipfWeights(n, s, q, mass = 1) {
  const w = Array.from({ length: n }, (_, r) => 1 / (r + 1 + q) ** s);
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (x * mass) / sum);
}

/** Draws indexes 0..n-1 with the given weights (binary search over the running sums). */
export function sampler(weights) {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    cumulative[i] = sum;
  });
  return (rng) => {
    const x = rng() * sum;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
