// The editor's side column: saving and the workflow steps, then where the article is filed and how
// it behaves (section, bylines, cover, comments, breaking, search engines).
import { COMMENTS_MODERATION, COMMENTS_WHO } from '../../content/comment-rules.js';
import { LIMITS } from '../../newsroom/validate.js';
import { plural } from '../../text/numbers.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { Field } from './article-fields.js';
import { articleUrl, type EditorPageData } from './article-page-data.js';

function Workflow({ f, d }: { f: Frame; d: EditorPageData }) {
  const t = f.t.nr;
  const a = d.article;
  const schedule = d.actions.includes('schedule');
  return (
    <fieldset class="side-box workflow">
      <legend>{t.workflow}</legend>
      {a ? (
        <p class="workflow-status">
          <span class={`status status-${a.status}`}>{t.currentStatus(t.status[a.status])}</span>
          {a.status === 'scheduled' && a.scheduledAt ? (
            <span> · {t.scheduledFor(when(f, a.scheduledAt))}</span>
          ) : null}
          {a.status === 'published' && a.publishedAt ? (
            <span> · {t.publishedAt(when(f, a.publishedAt))}</span>
          ) : null}
        </p>
      ) : null}
      {d.editable ? (
        <button type="submit" name="intent" value="save" class="button">
          {t.save}
        </button>
      ) : null}
      {schedule ? (
        <Field name="publish_at" label={t.publishAt} hint={t.publishAtHint}>
          {(x) => <input {...x} type="datetime-local" name="publish_at" step={1} value={d.publishAtText} />}
        </Field>
      ) : null}
      <div class="workflow-actions">
        {d.actions.map((action) => (
          <button
            key={action}
            type="submit"
            name="intent"
            value={action}
            class={action === 'publish' || action === 'schedule' ? 'button' : 'button button-secondary'}
          >
            {t.actions[action]}
          </button>
        ))}
      </div>
      <p class="autosave-status" data-autosave-status role="status" aria-live="polite" />
      {a ? (
        <ul class="side-links">
          {a.status === 'published' ? (
            <li>
              <a href={`/${a.categorySlug}/${a.slug}`}>{t.viewOnSite}</a>
            </li>
          ) : null}
          <li>
            <a href={`${articleUrl(a.id)}/revisions`}>{t.revisions}</a>
          </li>
          {d.previewUrl ? (
            <li>
              <a href={d.previewUrl}>{t.preview}</a>
            </li>
          ) : null}
          <li>
            <button
              type="submit"
              formAction={`${articleUrl(a.id)}/preview`}
              formNoValidate
              class="button button-secondary"
            >
              {t.newPreviewLink}
            </button>
          </li>
        </ul>
      ) : null}
      {a && d.previewUrl ? (
        <div class="field">
          <label for="f-preview-link">{t.previewLink}</label>
          <input
            id="f-preview-link"
            readOnly
            value={`${f.siteUrl}${d.previewUrl}`}
            aria-describedby="f-preview-hint"
          />
          <p class="hint" id="f-preview-hint">
            {t.previewLinkHint}
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * Existing tags named in the text and not on the article. Without JavaScript a ticked box adds its tag
 * with the next save (add_tags); the editor bundle turns each into a button that puts the name in the
 * tags field at once (assets/editor/suggested-tags.ts).
 */
function SuggestedTags({ f, d }: { f: Frame; d: EditorPageData }) {
  if (!d.editable || d.suggestedTags.length === 0) return null;
  const t = f.t.tg;
  return (
    <fieldset class="side-box suggested-tags" data-suggested-tags>
      <legend>{t.suggestedTitle}</legend>
      <p class="hint">{t.suggestedHint}</p>
      <ul class="suggested-tags-list">
        {d.suggestedTags.map((tag) => (
          <li key={tag.id} class="field-check">
            <input
              type="checkbox"
              id={`f-add-tag-${tag.id}`}
              name="add_tags"
              value={String(tag.id)}
              checked={d.addTagIds.includes(tag.id)}
            />
            <label for={`f-add-tag-${tag.id}`}>{tag.name}</label>
            <button
              type="button"
              class="button button-secondary suggested-tag"
              data-add-tag={tag.name}
              data-added={t.added(tag.name)}
              aria-label={t.addTag(tag.name)}
              hidden
            >
              + {tag.name}
            </button>
            <span class="muted">
              {' '}
              {f.t.topicKinds[tag.kind]} · {plural(tag.occurrences, t.timesForms, f.locale)}
            </span>
          </li>
        ))}
      </ul>
      <p class="hint" role="status" aria-live="polite" data-suggested-status />
    </fieldset>
  );
}

export function ArticleSide({ f, d }: { f: Frame; d: EditorPageData }) {
  const t = f.t.nr;
  const v = d.values;
  const ro = !d.editable;
  return (
    <div class="article-side">
      <Workflow f={f} d={d} />
      <SuggestedTags f={f} d={d} />
      <fieldset class="side-box">
        <legend>{t.fields.categoryId}</legend>
        <Field name="category_id" label={t.fields.categoryId} error={d.errors.categoryId}>
          {(x) => (
            <select {...x} name="category_id" disabled={ro}>
              {d.categories.map((c) => (
                <option key={c.id} value={String(c.id)} selected={c.id === v.categoryId}>
                  {c.parentId === null ? c.name : `— ${c.name}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="author_ids"
          label={t.fields.authorIds}
          hint={t.hints.authorIds}
          error={d.errors.authorIds}
        >
          {(x) => (
            <select
              {...x}
              name="author_ids"
              multiple
              size={Math.min(6, Math.max(3, d.authors.length))}
              disabled={ro}
            >
              {d.authors.map((au) => (
                <option key={au.id} value={String(au.id)} selected={v.authorIds.includes(au.id)}>
                  {au.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="cover_media_id"
          label={t.fields.coverMediaId}
          hint={t.hints.coverMediaId}
          error={d.errors.coverMediaId}
        >
          {(x) => (
            <div class="cover-pick">
              <div data-cover-preview>
                {d.cover ? (
                  <img src={d.cover.thumbUrl} alt={d.cover.alt} width={160} height={90} />
                ) : (
                  <span class="muted">{t.coverNone}</span>
                )}
              </div>
              <input
                {...x}
                name="cover_media_id"
                inputMode="numeric"
                value={v.coverMediaId === null ? '' : String(v.coverMediaId)}
                readOnly={ro}
              />
              {ro ? null : (
                <div class="cover-buttons">
                  <button type="button" class="button button-secondary" data-pick-cover hidden>
                    {t.coverPick}
                  </button>
                  <button type="button" class="button button-secondary" data-clear-cover hidden>
                    {t.coverClear}
                  </button>
                </div>
              )}
              <a href="/admin/media" class="cover-library">
                {t.coverLibrary}
              </a>
            </div>
          )}
        </Field>
        <div class="field field-check">
          <input
            id="f-breaking"
            type="checkbox"
            name="breaking"
            value="1"
            checked={v.breaking}
            disabled={ro}
          />
          <label for="f-breaking">{t.fields.breaking}</label>
        </div>
      </fieldset>
      <fieldset class="side-box">
        <legend>{f.t.comments}</legend>
        <Field name="comments_who" label={t.fields.commentsWho} error={d.errors.commentsWho}>
          {(x) => (
            <select {...x} name="comments_who" disabled={ro}>
              <option value="inherit">{t.inherit}</option>
              {COMMENTS_WHO.map((w) => (
                <option key={w} value={w} selected={v.commentsWho === w}>
                  {t.who[w]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="comments_moderation"
          label={t.fields.commentsModeration}
          error={d.errors.commentsModeration}
        >
          {(x) => (
            <select {...x} name="comments_moderation" disabled={ro}>
              <option value="inherit">{t.inherit}</option>
              {COMMENTS_MODERATION.map((m) => (
                <option key={m} value={m} selected={v.commentsModeration === m}>
                  {t.moderation[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="comments_close_days"
          label={t.fields.commentsCloseDays}
          hint={t.hints.commentsCloseDays}
          error={d.errors.commentsCloseDays}
        >
          {(x) => (
            <input
              {...x}
              name="comments_close_days"
              inputMode="numeric"
              maxLength={4}
              value={v.commentsCloseDays === null ? '' : String(v.commentsCloseDays)}
              readOnly={ro}
            />
          )}
        </Field>
      </fieldset>
      <fieldset class="side-box">
        <legend>SEO</legend>
        <Field name="seo_title" label={t.fields.seoTitle} hint={t.hints.seoTitle} error={d.errors.seoTitle}>
          {(x) => (
            <input {...x} name="seo_title" value={v.seoTitle} maxLength={LIMITS.seoTitle} readOnly={ro} />
          )}
        </Field>
        <Field
          name="seo_description"
          label={t.fields.seoDescription}
          hint={t.hints.seoDescription}
          error={d.errors.seoDescription}
        >
          {(x) => (
            <textarea
              {...x}
              name="seo_description"
              rows={3}
              maxLength={LIMITS.seoDescription}
              readOnly={ro}
              value={v.seoDescription}
            />
          )}
        </Field>
      </fieldset>
    </div>
  );
}
