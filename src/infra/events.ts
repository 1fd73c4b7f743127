// What happened to the site's content, for whoever listens in this process (webhooks, from #6).
// Listeners run after the change is committed; a failing listener is logged, never thrown back
// at the request that caused the change.

export type ContentEvent =
  | { type: 'article.published'; articleId: number }
  | { type: 'article.updated'; articleId: number }
  | { type: 'article.unpublished'; articleId: number }
  | { type: 'comment.created'; commentId: number; articleId: number };

export type ContentEventType = ContentEvent['type'];

export const CONTENT_EVENT_TYPES: readonly ContentEventType[] = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'comment.created',
];

export type ContentListener = (event: ContentEvent) => void | Promise<void>;

export class ContentEvents {
  private readonly listeners = new Set<ContentListener>();

  constructor(private readonly onError: (err: unknown, event: ContentEvent) => void) {}

  emit(event: ContentEvent): void {
    for (const listener of this.listeners) {
      try {
        const done = listener(event);
        if (done instanceof Promise) done.catch((err: unknown) => this.onError(err, event));
      } catch (err) {
        this.onError(err, event);
      }
    }
  }

  on(listener: ContentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
