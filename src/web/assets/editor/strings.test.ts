import { describe, expect, it } from 'vitest';
import { fill } from './strings.js';

describe('fill', () => {
  it('puts values in by name and leaves unknown names as written', () => {
    expect(fill('Страница {page} от {pages}', { page: 2, pages: 7 })).toBe('Страница 2 от 7');
    expect(fill('Вградено съдържание от {provider}', { provider: 'YouTube' })).toBe(
      'Вградено съдържание от YouTube',
    );
    expect(fill('{unknown} и {toString}', {})).toBe('{unknown} и {toString}');
  });
});
