import { describe, expect, it } from 'vitest';
import { chosenNames, freshSuggestions, lastPart, replaceLastPart } from './tags.js';

describe('the tags field', () => {
  it('finds the part being typed after the last comma', () => {
    expect(lastPart('')).toBe('');
    expect(lastPart('Соф')).toBe('Соф');
    expect(lastPart('Парламент, избори,  Соф ')).toBe('Соф');
    expect(lastPart('Парламент, ')).toBe('');
  });

  it('lists the names chosen before it', () => {
    expect(chosenNames('Соф')).toEqual([]);
    expect(chosenNames(' Парламент ,, избори, Соф')).toEqual(['Парламент', 'избори']);
  });

  it('replaces only the last part and leaves room for the next name', () => {
    expect(replaceLastPart('', 'София')).toBe('София, ');
    expect(replaceLastPart('соф', 'София')).toBe('София, ');
    expect(replaceLastPart('Парламент,избори , соф', 'София')).toBe('Парламент, избори, София, ');
    expect(replaceLastPart('Парламент, ', 'Избори 2026')).toBe('Парламент, Избори 2026, ');
  });

  it('does not suggest a name already in the field, whatever its case', () => {
    const suggestions = [
      { id: 1, name: 'София', slug: 'sofia' },
      { id: 2, name: 'Софийска община', slug: 'sofiyska-obshtina' },
    ];
    expect(freshSuggestions('софия, Соф', suggestions)).toEqual([suggestions[1]]);
    expect(freshSuggestions('Соф', suggestions)).toEqual(suggestions);
  });
});
