// Click-to-load embeds on the reading site. A stored embed is a link in <figure class="embed">; here
// it becomes a placeholder (provider, privacy note, a real button) and only the reader's click makes
// the page contact YouTube or X, by putting the provider's frame in its place.
import { EMBED_PROVIDER_NAMES, type Embed, embedFrameUrl, embedFrom } from '../../text/embeds.js';

const X_ORIGIN = 'https://platform.twitter.com';

interface Words {
  load: string;
  note: string;
  title: string;
}

function frameFor(e: Embed, title: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = embedFrameUrl(e);
  frame.title = title;
  frame.allow = 'autoplay; encrypted-media; picture-in-picture';
  frame.allowFullscreen = true;
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  frame.loading = 'lazy';
  // Scripts and its own origin for the player; pop-ups so "watch on YouTube" and post links open.
  frame.setAttribute(
    'sandbox',
    'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation',
  );
  frame.className = 'embed-frame';
  frame.dataset.embedFrame = e.provider;
  return frame;
}

function placeholder(figure: HTMLElement, e: Embed, words: Words): void {
  const provider = EMBED_PROVIDER_NAMES[e.provider];
  const say = (template: string) => template.replaceAll('{provider}', provider);
  const link = figure.querySelector('a');
  const box = document.createElement('div');
  box.className = 'embed-placeholder';
  const name = document.createElement('p');
  name.className = 'embed-provider';
  name.textContent = provider;
  const note = document.createElement('p');
  note.className = 'embed-note';
  note.textContent = say(words.note);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button embed-load';
  button.textContent = say(words.load);
  box.append(name, note, button);
  // The plain link stays as a way to open the post at the provider instead.
  if (link) box.append(link);
  figure.replaceChildren(box);
  figure.classList.add('is-placeholder');
  button.addEventListener('click', () => {
    const frame = frameFor(e, say(words.title));
    figure.replaceChildren(frame);
    figure.classList.replace('is-placeholder', 'is-loaded');
    frame.focus();
  });
}

/** X's frame says how tall its post is; without its widgets script we set the height ourselves. */
function followXHeights(): void {
  window.addEventListener('message', (event) => {
    if (event.origin !== X_ORIGIN) return;
    let data: unknown = event.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        return;
      }
    }
    const message = (
      data as { 'twttr.embed'?: { method?: string; params?: { height?: unknown }[] } } | null
    )?.['twttr.embed'];
    const height = Number(message?.params?.[0]?.height);
    if (message?.method !== 'twttr.private.resize' || !(height > 0 && height < 5000)) return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-embed-frame="x"]'))
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  });
}

export function embeds(): void {
  const figures = document.querySelectorAll<HTMLElement>('figure.embed[data-embed][data-embed-id]');
  let x = false;
  for (const figure of figures) {
    const holder = figure.closest<HTMLElement>('[data-embed-load]');
    const e = embedFrom(figure.dataset.embed ?? '', figure.dataset.embedId ?? '');
    if (!holder || !e) continue;
    const words = {
      load: holder.dataset.embedLoad ?? '',
      note: holder.dataset.embedNote ?? '',
      title: holder.dataset.embedTitle ?? '',
    };
    placeholder(figure, e, words);
    x ||= e.provider === 'x';
  }
  if (x) followXHeights();
}
