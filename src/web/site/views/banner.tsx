// The banner above every reading page: breaking news or a weather warning. Its colour says the
// level, and so do words, for those who cannot tell the colours apart: „Извънредно“ on breaking
// news, the code's name on a warning unless the text already begins with it.
import type { Banner } from '../../../newsroom/banner.js';
import type { Frame } from './frame.js';

function levelWord(f: Frame, b: Banner): string | null {
  if (b.level === 'info') return null;
  const word = f.t.cur.levels[b.level];
  const lower = (s: string) => s.toLocaleLowerCase(f.t.lang);
  return lower(b.text).startsWith(lower(word)) ? null : word;
}

export function SiteBanner({ f }: { f: Frame }) {
  const b = f.banner;
  if (!b) return null;
  const word = levelWord(f, b);
  const content = (
    <>
      {word ? <strong class="site-banner-level">{word}</strong> : null}
      <span class="site-banner-text">{b.text}</span>
    </>
  );
  return (
    <section class={`site-banner site-banner-${b.level}`} aria-label={f.t.cur.bannerRegion}>
      <div class="wrap">
        {b.link ? (
          <a class="site-banner-body" href={b.link}>
            {content}
          </a>
        ) : (
          <p class="site-banner-body">{content}</p>
        )}
      </div>
    </section>
  );
}
