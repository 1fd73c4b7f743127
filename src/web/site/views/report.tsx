// The page for reporting a comment: the comment quoted, a reason, an optional note.
import type { CommentView } from '../../../comments/listing.js';
import { REPORT_REASONS } from '../../../comments/reports.js';
import { commentToHtml } from '../../../text/linkify.js';
import { urls } from '../urls.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';
import { RawHtml } from './raw-html.js';

export interface ReportFormState {
  reason: string;
  note: string;
  errors: Partial<Record<'reason' | 'note', string>>;
  notice: string | null;
}

export function ReportPage(props: {
  f: Frame;
  comment: CommentView;
  articleUrl: string;
  articleTitle: string;
  token: string;
  form: ReportFormState;
}) {
  const { f, comment: c, form } = props;
  return (
    <Layout frame={f} title={f.t.cm.reportTitle} noindex sidebar={false}>
      <section class="form-page">
        <h1 class="listing-title">{f.t.cm.reportTitle}</h1>
        <p>
          <a href={`${props.articleUrl}#comment-${c.id}`}>{props.articleTitle}</a>
        </p>
        <blockquote class="quoted-comment">
          <p class="comment-head">
            <strong>{c.authorName}</strong>
          </p>
          <RawHtml class="comment-body" html={commentToHtml(c.body)} />
        </blockquote>
        {form.notice ? (
          <p class="notice notice-error" role="alert">
            {form.notice}
          </p>
        ) : null}
        <form method="post" action={urls.commentAction(c.id, 'report')} class="stacked-form" noValidate>
          <input type="hidden" name="_csrf" value={props.token} />
          <fieldset aria-describedby={form.errors.reason ? 'report-reason-error' : undefined}>
            <legend>{f.t.cm.reportIntro}</legend>
            {REPORT_REASONS.map((r) => (
              <div class="field field-check" key={r}>
                <input
                  type="radio"
                  id={`reason-${r}`}
                  name="reason"
                  value={r}
                  checked={form.reason === r}
                  required
                />
                <label for={`reason-${r}`}>{f.t.cm.reportReasons[r]}</label>
              </div>
            ))}
            {form.errors.reason ? (
              <p class="field-error" id="report-reason-error">
                {form.errors.reason}
              </p>
            ) : null}
          </fieldset>
          <div class="field">
            <label for="report-note">{f.t.cm.reportNote}</label>
            <textarea
              id="report-note"
              name="note"
              rows={3}
              maxLength={500}
              aria-invalid={form.errors.note ? 'true' : undefined}
              aria-describedby={form.errors.note ? 'report-note-error' : undefined}
            >
              {form.note}
            </textarea>
            {form.errors.note ? (
              <p class="field-error" id="report-note-error">
                {form.errors.note}
              </p>
            ) : null}
          </div>
          <button type="submit" class="button">
            {f.t.cm.reportSend}
          </button>{' '}
          <a href={`${props.articleUrl}#comment-${c.id}`}>{f.t.cm.backToArticle}</a>
        </form>
      </section>
    </Layout>
  );
}
