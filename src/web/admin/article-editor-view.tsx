// The article editor: one form that works without JavaScript (the body is an HTML textarea) and
// that the editor bundle turns into a rich-text editor with autosave, pickers and suggestions.
import type { Category } from '../../content/types.js';
import type { FieldDiff } from '../../newsroom/diff.js';
import type { WorkflowAction } from '../../newsroom/rights.js';
import type { ArticleDraft, DeskArticle, DraftField } from '../../newsroom/types.js';
import { LIMITS } from '../../newsroom/validate.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { Field } from './article-fields.js';
import type { EditorPageData } from './article-page-data.js';
import { articlesUrl, articleUrl } from './article-page-data.js';
import { ArticleSide } from './article-side-view.js';
import { DiffTable } from './diff-view.js';
import { StaffLayout } from './layout.js';

export function EditorPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: EditorPageData }) {
  const t = f.t.nr;
  const v = d.values;
  const a = d.article;
  const action = a ? articleUrl(a.id) : articlesUrl();
  const ro = !d.editable;
  return (
    <StaffLayout
      frame={f}
      assets={assets}
      title={a ? t.editTitle : t.newTitle}
      section="articles"
      notice={d.notice}
      scripts={assets.editorJs ? [assets.editorJs] : []}
    >
      {d.conflict ? (
        <section class="conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t.conflictTitle}</h2>
          <p>{t.conflictText(d.conflict.by, when(f, d.conflict.at))}</p>
          <p class="muted">
            <del>{t.theirs}</del> → <ins>{t.yours}</ins>
          </p>
          <DiffTable f={f} fields={d.conflict.fields} onlyChanged />
        </section>
      ) : null}
      {ro ? <p class="notice notice-error">{t.readOnly}</p> : null}
      <form
        id="article-form"
        class="article-form"
        method="post"
        action={action}
        data-autosave={a && d.editable ? `${articleUrl(a.id)}/autosave` : undefined}
      >
        <input type="hidden" name="_csrf" value={d.csrf} />
        {d.version !== null ? <input type="hidden" name="version" value={String(d.version)} /> : null}
        <div class="article-main">
          <Field name="title" label={t.fields.title} error={d.errors.title}>
            {(x) => (
              <input
                {...x}
                name="title"
                class="input-title"
                value={v.title}
                maxLength={LIMITS.title}
                required
                readOnly={ro}
              />
            )}
          </Field>
          <Field name="slug" label={t.fields.slug} hint={t.hints.slug} error={d.errors.slug}>
            {(x) => (
              <input
                {...x}
                name="slug"
                value={v.slug}
                maxLength={LIMITS.slug}
                spellcheck={false}
                autocomplete="off"
                readOnly={ro}
              />
            )}
          </Field>
          <Field name="lead" label={t.fields.lead} error={d.errors.lead}>
            {(x) => (
              <textarea {...x} name="lead" rows={3} maxLength={LIMITS.lead} readOnly={ro} value={v.lead} />
            )}
          </Field>
          <Field name="body_html" label={t.fields.bodyHtml} hint={t.hints.bodyHtml} error={d.errors.bodyHtml}>
            {(x) => (
              <textarea
                {...x}
                name="body_html"
                rows={18}
                readOnly={ro}
                value={v.bodyHtml}
                data-editor={ro ? undefined : ''}
                data-media-json="/admin/media.json"
                data-media-upload="/admin/media"
              />
            )}
          </Field>
          <Field name="tags" label={t.fields.tags} hint={t.hints.tags} error={d.errors.tags}>
            {(x) => (
              <input
                {...x}
                name="tags"
                value={v.tags.join(', ')}
                autocomplete="off"
                data-suggest="/admin/tags/suggest"
                readOnly={ro}
              />
            )}
          </Field>
        </div>
        <ArticleSide f={f} d={d} />
      </form>
      <script
        type="application/json"
        id="editor-i18n"
        dangerouslySetInnerHTML={{ __html: d.clientStrings }}
      />
    </StaffLayout>
  );
}
