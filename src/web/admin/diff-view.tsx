// A word-level difference shown as text with <ins> and <del>, field by field; screen readers
// hear "added" and "removed" from the visually hidden labels.
import type { FieldDiff } from '../../newsroom/diff.js';
import type { Frame } from '../site/views/frame.js';

export function DiffTable({
  f,
  fields,
  onlyChanged,
}: {
  f: Frame;
  fields: FieldDiff[];
  onlyChanged: boolean;
}) {
  const t = f.t.nr;
  const shown = onlyChanged ? fields.filter((d) => d.parts.some((p) => p.change !== 'same')) : fields;
  if (shown.length === 0) return <p class="muted">{t.noDifferences}</p>;
  return (
    <dl class="diff">
      {shown.map((d) => {
        // Tags and authors are lists: each item is a unit, separated by CSS.
        const item = d.field === 'tags' || d.field === 'authors' ? 'diff-item' : undefined;
        return (
          <div key={d.field} class="diff-field">
            <dt>{t.diffFields[d.field]}</dt>
            <dd>
              {d.parts.length === 0 ? <span class="muted">—</span> : null}
              {d.parts.map((p, i) =>
                p.change === 'added' ? (
                  <ins key={i} class={item}>
                    <span class="visually-hidden">[{t.added}: </span>
                    {p.text}
                    <span class="visually-hidden">]</span>
                  </ins>
                ) : p.change === 'removed' ? (
                  <del key={i} class={item}>
                    <span class="visually-hidden">[{t.removed}: </span>
                    {p.text}
                    <span class="visually-hidden">]</span>
                  </del>
                ) : (
                  <span key={i} class={item}>
                    {p.text}
                  </span>
                ),
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
