import { describe, expect, it } from 'vitest';
import { withTagName } from './suggested-tags.js';

describe('adding a suggested topic to the tags field', () => {
  it('appends the name after the ones there, tidied to "a, b"', () => {
    expect(withTagName('', 'Министерски съвет')).toBe('Министерски съвет');
    expect(withTagName('София', 'Министерски съвет')).toBe('София, Министерски съвет');
    expect(withTagName(' София ,, Енергетика, ', ' Народно събрание ')).toBe(
      'София, Енергетика, Народно събрание',
    );
  });

  it('does not add a name already in the field in any case', () => {
    expect(withTagName('софия, Енергетика', 'София')).toBe('софия, Енергетика');
    expect(withTagName('СОФИЯ', 'София')).toBe('СОФИЯ');
    expect(withTagName('София', '  ')).toBe('София');
  });
});
