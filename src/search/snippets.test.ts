import { describe, expect, it } from 'vitest';
import { matcherOf, parseQuery } from './query.js';
import { highlight, snippet } from './snippets.js';

const marked = (segments: Array<{ text: string; hit: boolean }>) =>
  segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('highlight', () => {
  it('marks every inflected form of the query words', () => {
    const m = matcherOf(parseQuery('държави'));
    expect(marked(highlight('Държавата и държавите, но не и държавник.', m))).toBe(
      '[Държавата] и [държавите], но не и държавник.',
    );
  });

  it('marks prefix matches', () => {
    const m = matcherOf(parseQuery('държав*'));
    expect(marked(highlight('държавник и държава', m))).toBe('[държавник] и [държава]');
  });
});

describe('snippet', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `дума${i}`).join(' ');

  it('shows the stretch around the query words, with ellipses where text was left out', () => {
    const text = `${filler(100)} Министерският съвет реши днес. ${filler(100)}`;
    const out = marked(snippet(text, matcherOf(parseQuery('министерски съвет'))));
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('[Министерският] [съвет] реши днес.');
  });

  it('starts at the beginning when nothing matches, and keeps short texts whole', () => {
    expect(marked(snippet('Кратък текст.', () => false))).toBe('Кратък текст.');
    const out = marked(snippet(filler(100), () => false, 10));
    expect(out).toBe(`${filler(10)}…`);
  });

  it('never breaks on empty or odd text', () => {
    expect(snippet('', () => true)).toEqual([]);
    expect(snippet('   ', () => true)).toEqual([]);
    expect(marked(snippet('„“ – …', () => true))).toBe('„“ – …');
  });
});
