import { describe, expect, it } from 'vitest';
import { PAIR_BITS, pairBit, pairBloom, phraseBits } from './pair-bloom.js';

const isSet = (bloom: Buffer, bit: number) => ((bloom[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;

describe('pair Bloom filter', () => {
  it('sets the bits of every adjacent pair within a field, numbered as get_bit reads them', () => {
    const bloom = pairBloom([
      ['нов', 'мост'],
      ['град', 'откри', 'мост'],
    ]);
    expect(bloom.length).toBe(PAIR_BITS / 8);
    for (const bits of [phraseBits(['нов', 'мост']), phraseBits(['град', 'откри', 'мост'])])
      for (const bit of bits) expect(isSet(bloom, bit)).toBe(true);
    // Three pairs, so at most three bits.
    let set = 0;
    for (let bit = 0; bit < PAIR_BITS; bit++) if (isSet(bloom, bit)) set++;
    expect(set).toBeLessThanOrEqual(3);
    expect(set).toBeGreaterThan(0);
  });

  it('does not join the end of one field to the start of the next', () => {
    const bloom = pairBloom([
      ['нов', 'мост'],
      ['град', 'откри'],
    ]);
    const across = pairBit('мост', 'град');
    const inside = new Set([pairBit('нов', 'мост'), pairBit('град', 'откри')]);
    if (!inside.has(across)) expect(isSet(bloom, across)).toBe(false);
  });

  it('spreads pairs over the bits (order matters: "а б" is not "б а")', () => {
    const bits = new Set<number>();
    for (let i = 0; i < 2000; i++) bits.add(pairBit(`дума${i}`, `друга${i % 37}`));
    expect(bits.size).toBeGreaterThan(1500);
    expect(pairBit('мост', 'нов')).not.toBe(pairBit('нов', 'мост'));
    expect(phraseBits(['една'])).toEqual([]);
  });
});
