// Tells every part of the site (and, with Redis, every process) that something changed:
// the page cache drops tagged pages, rankings recompute. Local delivery is synchronous.

export type BusEvent =
  | { type: 'invalidate'; tags: string[] }
  | { type: 'rankings-stale'; reason: 'comment' | 'publish' | 'views' };

export type BusListener = (event: BusEvent) => void;

export interface CacheBus {
  publish(event: BusEvent): void;
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

export class LocalCacheBus implements CacheBus {
  private readonly listeners = new Set<BusListener>();

  publish(event: BusEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
