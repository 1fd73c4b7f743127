// „Свързани статии“ under an article: the list computed when it was published, as cards. For an
// article published before search indexed it, the tag-based list stands in, titled „Още по темата“.
import type { ArticleSummary } from '../../../content/types.js';
import { Card } from './cards.js';
import type { Frame } from './frame.js';

export function RelatedArticles({
  f,
  items,
  byTopic,
}: {
  f: Frame;
  items: ArticleSummary[];
  byTopic: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-h">
      <h2 id="related-h" class="section-title">
        {byTopic ? f.t.moreOnTopic : f.t.relatedArticles}
      </h2>
      <div class="section-grid">
        {items.map((r) => (
          <Card key={r.id} f={f} a={r} />
        ))}
      </div>
    </section>
  );
}
