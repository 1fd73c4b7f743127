// The reading site's one script, loaded after the page: counts the view, turns the ranking
// lists into tabs, posts comments without leaving the page, and turns embeds into click-to-load
// placeholders. Everything works without it.
import { embeds } from './site-embeds.js';

function countView(): void {
  const id = document.body.dataset.articleId;
  if (!id || !/^\d+$/.test(id)) return;
  const url = `/api/views/${id}`;
  if (!navigator.sendBeacon?.(url)) void fetch(url, { method: 'POST', keepalive: true }).catch(() => {});
}

function tabs(root: HTMLElement): void {
  const panels = [...root.querySelectorAll<HTMLElement>(':scope > section.ranking')];
  if (panels.length < 2) return;
  const list = document.createElement('div');
  list.setAttribute('role', 'tablist');
  list.className = 'tablist';
  const buttons = panels.map((panel, i) => {
    const heading = panel.querySelector<HTMLElement>('.ranking-title');
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `${panel.id}-tab`;
    button.setAttribute('role', 'tab');
    button.setAttribute('aria-controls', panel.id);
    button.textContent = heading?.textContent ?? `${i + 1}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', button.id);
    panel.tabIndex = 0;
    heading?.classList.add('visually-hidden');
    list.append(button);
    return button;
  });
  const select = (index: number, focus: boolean) => {
    buttons.forEach((b, i) => {
      const on = i === index;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      panels[i]!.hidden = !on;
    });
    if (focus) buttons[index]!.focus();
  };
  list.addEventListener('click', (e) => {
    const i = buttons.indexOf((e.target as HTMLElement).closest('button') as HTMLButtonElement);
    if (i >= 0) select(i, false);
  });
  list.addEventListener('keydown', (e) => {
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    const next = moves[e.key];
    if (next === undefined || current < 0) return;
    e.preventDefault();
    select((next + buttons.length) % buttons.length, true);
  });
  root.prepend(list);
  root.classList.add('is-tabbed');
  select(0, false);
}

function commentForm(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-form-status]')!;
  const parent = form.querySelector<HTMLInputElement>('[data-parent]')!;
  const title = form.querySelector<HTMLElement>('[data-form-title]')!;
  const defaultTitle = title.textContent ?? '';
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const say = (text: string, kind: 'ok' | 'error') => {
    status.innerHTML = '';
    const p = document.createElement('p');
    p.className = `notice notice-${kind}`;
    p.textContent = text;
    status.append(p);
  };

  document.addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-reply]');
    if (!link) return;
    e.preventDefault();
    parent.value = link.dataset.reply ?? '';
    title.textContent = `${form.dataset.replyLabel ?? '↳'} ${link.dataset.replyName ?? ''}`.trim();
    form.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const el of form.querySelectorAll('.field-error')) el.remove();
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    button.disabled = true;
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
      });
      const data = (await res.json()) as {
        status?: string;
        id?: number;
        html?: string;
        threadId?: number | null;
        parentId?: number | null;
        countText?: string;
        message?: string;
        error?: string;
        fields?: Record<string, string>;
      };
      if (!res.ok) {
        say(data.error ?? res.statusText, 'error');
        for (const [name, text] of Object.entries(data.fields ?? {})) {
          const input = form.querySelector<HTMLElement>(`[name="${name}"]`);
          if (!input) continue;
          input.setAttribute('aria-invalid', 'true');
          const p = document.createElement('p');
          p.className = 'field-error';
          p.textContent = text;
          input.after(p);
        }
        return;
      }
      if (data.status === 'approved' && data.html) {
        const holder = document.createElement('div');
        holder.innerHTML = data.html;
        const item = holder.firstElementChild as HTMLElement;
        const thread = data.parentId ? document.getElementById(`comment-${data.threadId}`) : null;
        let list = thread
          ? thread.querySelector<HTMLElement>(':scope > ol.replies')
          : document.querySelector<HTMLElement>('[data-comment-list]');
        if (!list) {
          list = document.createElement('ol');
          list.className = thread ? 'replies' : 'comment-list';
          if (!thread) list.dataset.commentList = '';
          (thread ?? form).insertAdjacentElement(thread ? 'beforeend' : 'beforebegin', list);
          document.querySelector('[data-comment-empty]')?.remove();
        }
        if (!document.getElementById(item.id)) {
          // Newest-first lists get a new thread on top; replies and oldest-first lists at the end.
          if (!thread && list.dataset.sort === 'newest') list.prepend(item);
          else list.append(item);
        }
        for (const el of document.querySelectorAll('[data-comment-count]'))
          el.textContent = data.countText ?? '';
      }
      say(data.message ?? '', 'ok');
      form.querySelector<HTMLTextAreaElement>('textarea')!.value = '';
      parent.value = '';
      title.textContent = defaultTitle;
    } catch {
      say(form.dataset.networkError ?? 'Network error', 'error');
    } finally {
      button.disabled = false;
    }
  });
}

/** 👍 / 👎 without a reload: the same form, answered with the new counts. */
function reactions(): void {
  document.addEventListener('submit', async (e) => {
    const form = (e.target as HTMLElement).closest<HTMLFormElement>('form[data-reaction-form]');
    if (!form) return;
    const button = (e as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!button) return;
    e.preventDefault();
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    body.set('value', button.value);
    try {
      const res = await fetch(form.action, { method: 'POST', headers: { accept: 'application/json' }, body });
      if (!res.ok) return form.submit();
      const data = (await res.json()) as { likes: number; dislikes: number; myReaction: number };
      for (const b of form.querySelectorAll<HTMLButtonElement>('button[value]')) {
        const like = b.value === '1';
        const n = like ? data.likes : data.dislikes;
        b.setAttribute('aria-pressed', String(data.myReaction === Number(b.value)));
        const label = b.getAttribute('aria-label') ?? '';
        b.setAttribute('aria-label', label.replace(/[\d\s\u00a0]+$/, ` ${n}`));
        const count = b.querySelector('.reaction-count');
        if (count) count.textContent = String(n);
      }
    } catch {
      form.submit();
    }
  });
}

/** "Още коментари": the next page of threads appended in place; the link still works without us. */
function moreComments(): void {
  document.addEventListener('click', async (e) => {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-more-comments]');
    const list = document.querySelector<HTMLElement>('[data-comment-list]');
    if (!link || !list) return;
    e.preventDefault();
    try {
      const res = await fetch(link.dataset.moreComments ?? '', { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const data = (await res.json()) as { html: string; next: string | null; nextHref: string | null };
      const holder = document.createElement('ol');
      holder.innerHTML = data.html;
      for (const item of [...holder.children]) if (!document.getElementById(item.id)) list.append(item);
      if (data.next && data.nextHref) {
        link.dataset.moreComments = data.next;
        link.href = data.nextHref;
      } else link.closest('p')?.remove();
    } catch {
      window.location.href = link.href;
    }
  });
}

/** Forms that destroy something ask first. */
function confirmations(): void {
  document.addEventListener('submit', (e) => {
    const form = (e.target as HTMLElement).closest<HTMLFormElement>('form[data-confirm]');
    if (form && !window.confirm(form.dataset.confirm ?? '')) e.preventDefault();
  });
}

reactions();
moreComments();
confirmations();
countView();
embeds();
for (const el of document.querySelectorAll<HTMLElement>('[data-tabs]')) tabs(el);
const form = document.querySelector<HTMLFormElement>('[data-comment-form]');
if (form) commentForm(form);
