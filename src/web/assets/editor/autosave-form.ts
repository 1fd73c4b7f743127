// The article form's saving behaviour with the script on: autosave to data-autosave, the status line,
// a warning before leaving with unsaved changes, and Ctrl/Cmd+S for a normal save.
import { AutosaveScheduler, browserTimers, type SaveOutcome } from './autosave.js';
import { h } from './dom.js';
import type { Strings } from './strings.js';

interface Answer {
  ok?: boolean;
  version?: number;
  message?: string;
  conflict?: boolean;
  reviewUrl?: string;
  errors?: Record<string, string>;
}

/** A review link from the server, used only when it stays on this site. */
function sameSiteUrl(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href, window.location.href);
    return url.origin === window.location.origin ? url.href : null;
  } catch {
    return null;
  }
}

export interface AutosaveForm {
  /** Call after the body's textarea was brought up to date, for every change in the form. */
  changed(): void;
}

export function autosaveForm(form: HTMLFormElement, s: Strings, sync: () => void): AutosaveForm {
  const url = form.dataset.autosave;
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  const version = form.querySelector<HTMLInputElement>('input[name="version"]');
  const say = (text: string, kind: 'ok' | 'error' | 'busy', link?: { href: string; text: string }) => {
    if (!status) return;
    status.dataset.state = kind;
    status.replaceChildren(text, ...(link ? [' ', h('a', { href: link.href }, link.text)] : []));
  };

  const save = async (): Promise<SaveOutcome> => {
    sync();
    say(s.saving, 'busy');
    let res: Response;
    try {
      res = await fetch(url ?? '', {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
      });
    } catch {
      say(s.retrying, 'error');
      return 'retry';
    }
    const data = (await res.json().catch(() => null)) as Answer | null;
    if (res.ok && data?.ok) {
      if (version && typeof data.version === 'number') version.value = String(data.version);
      say(data.message ?? '', 'ok');
      return 'saved';
    }
    if (res.status === 409 && data?.conflict) {
      const href = sameSiteUrl(data.reviewUrl);
      say(data.message ?? '', 'error', href ? { href, text: s.conflictLink } : undefined);
      return 'conflict';
    }
    if (res.status >= 500 || !data) {
      say(s.serverRetrying, 'error');
      return 'retry';
    }
    const details = Object.values(data.errors ?? {}).filter((e) => typeof e === 'string');
    say([data.message ?? '', ...details].filter((t) => t !== '').join(' '), 'error');
    return 'rejected';
  };

  const scheduler = new AutosaveScheduler(url ? save : null, {
    idleMs: 3000,
    retryMs: (n) => Math.min(60_000, 5000 * 2 ** (n - 1)),
    timers: browserTimers,
  });

  let submitting = false;
  form.addEventListener('submit', (e) => {
    sync();
    // A save still running would give the form an old version number: send it once that save is done.
    if (scheduler.busy) {
      e.preventDefault();
      const submitter = (e as SubmitEvent).submitter;
      void scheduler.settled().then(() => form.requestSubmit(submitter as HTMLElement | null));
      return;
    }
    submitting = true;
    scheduler.stop();
  });
  window.addEventListener('beforeunload', (e) => {
    if (submitting || !scheduler.dirty) return;
    e.preventDefault();
    e.returnValue = '';
  });
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
    e.preventDefault();
    sync();
    form.requestSubmit(form.querySelector<HTMLButtonElement>('button[name="intent"][value="save"]'));
  });

  let warned = false;
  return {
    changed() {
      scheduler.changed();
      // Without autosave (a new article) the status line says once that there is something to save.
      if (!url && !warned) {
        warned = true;
        say(s.unsaved, 'busy');
      }
    },
  };
}
