import { describe, expect, it } from 'vitest';
import { countLinks, linksCheck } from './links.js';
import { context, submission } from './testing.js';

describe('countLinks', () => {
  it('counts http(s) URLs and www. hosts', () => {
    expect(countLinks('Вижте https://a.bg/x, http://b.bg и www.c.bg днес')).toBe(3);
  });

  it('counts the same URL each time it appears', () => {
    expect(countLinks('https://a.bg https://a.bg')).toBe(2);
  });

  it('does not count bare domains, emails, ftp, mailto or protocol-relative links', () => {
    expect(countLinks('dnevnik.bg, Node.js, т.е., ivan@example.bg, ftp://e.bg, mailto:x@y.bg //f.bg')).toBe(
      0,
    );
  });

  it('counts fullwidth disguises after NFKC', () => {
    expect(countLinks('ｗｗｗ．ｓｐａｍ．ｃｏｍ')).toBe(1);
  });

  it('is zero for text without links', () => {
    expect(countLinks('Обикновен коментар без връзки.')).toBe(0);
  });
});

describe('linksCheck', () => {
  const three = submission('Вижте https://a.bg, https://b.bg и www.c.bg');

  it('holds more links than settings.maxLinks, with the count as detail', () => {
    expect(linksCheck(three, context({ settings: { maxLinks: 2 } }))).toEqual({
      status: 'pending',
      reason: 'too-many-links',
      detail: '3',
    });
    expect(linksCheck(submission('https://a.bg'), context({ settings: { maxLinks: 0 } }))?.detail).toBe('1');
  });

  it('lets up to maxLinks links through', () => {
    expect(linksCheck(three, context({ settings: { maxLinks: 3 } }))).toBeNull();
    expect(linksCheck(submission('Няма връзки тук.'), context({ settings: { maxLinks: 0 } }))).toBeNull();
  });
});
