// Cover pictures for the demo articles: abstract, seeded SVG landscapes in each section's
// colours. Made here so the demo needs no downloads and carries no one else's photographs.
import type { DemoCategoryKey } from './types.js';

const PALETTES: Record<DemoCategoryKey, [string, string, string, string]> = {
  svyat: ['#1d3557', '#457b9d', '#a8dadc', '#f1faee'],
  bulgaria: ['#2b5d34', '#6a994e', '#a7c957', '#f2e8cf'],
  ikonomika: ['#283618', '#606c38', '#dda15e', '#fefae0'],
  tehnologii: ['#14213d', '#3a0ca3', '#4cc9f0', '#e5e5e5'],
  sport: ['#7f1d1d', '#c2410c', '#f59e0b', '#fef3c7'],
  kultura: ['#4a1942', '#893168', '#e4a5c5', '#fbeff5'],
  vremeto: ['#0b3954', '#087e8b', '#bfd7ea', '#ffffff'],
};

/** A small deterministic PRNG (mulberry32) so the same article always gets the same picture. */
export function seededRandom(seedText: string): () => number {
  let seed = 2166136261;
  for (let i = 0; i < seedText.length; i++) seed = Math.imul(seed ^ seedText.charCodeAt(i), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ridge(rand: () => number, baseY: number, amplitude: number): string {
  const points: string[] = [];
  for (let x = 0; x <= 960; x += 60) {
    points.push(`${x},${(baseY + (rand() - 0.5) * amplitude).toFixed(1)}`);
  }
  return `M0,540 L${points.join(' L')} L960,540 Z`;
}

export function coverSvg(key: string, category: DemoCategoryKey): string {
  const rand = seededRandom(key);
  const [deep, mid, light, pale] = PALETTES[category];
  const sunX = 120 + rand() * 720;
  const sunY = 90 + rand() * 140;
  const sunR = 40 + rand() * 60;
  const layers = [
    { d: ridge(rand, 300 + rand() * 40, 120), fill: light, opacity: 0.9 },
    { d: ridge(rand, 380 + rand() * 30, 100), fill: mid, opacity: 0.95 },
    { d: ridge(rand, 460 + rand() * 20, 70), fill: deep, opacity: 1 },
  ];
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 540" width="960" height="540">',
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pale}"/>`,
    `<stop offset="1" stop-color="${light}"/></linearGradient></defs>`,
    '<rect width="960" height="540" fill="url(#sky)"/>',
    `<circle cx="${sunX.toFixed(0)}" cy="${sunY.toFixed(0)}" r="${sunR.toFixed(0)}" fill="${pale}" opacity="0.85"/>`,
    ...layers.map((l) => `<path d="${l.d}" fill="${l.fill}" opacity="${l.opacity}"/>`),
    '</svg>',
  ].join('');
}
