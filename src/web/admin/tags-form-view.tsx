// One tag's page in the tag manager: its name, address and kind; merging it into another tag; and
// deleting it. Each form posts on its own and, when refused, comes back with its message.

import type { TagRow } from '../../newsroom/tag-admin.js';
import type { TagDraft, TagField } from '../../newsroom/tag-check.js';
import { TAG_KINDS } from '../../newsroom/tag-check.js';
import type { SiteDeps } from '../site/deps.js';
import { urls } from '../site/urls.js';
import { articleCount } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, StaffLayout } from './layout.js';
import { SelectField, TextField } from './staff-fields.js';
import { TAGS_URL, tagAdminUrl } from './tags-view.js';

export interface TagFormData {
  tag: TagRow;
  values: TagDraft;
  errors: Partial<Record<TagField, string>>;
  /** The slug an empty address field would give, for the hint. */
  slugExample: string;
  merge: { into: string; error: string | null };
  deleteError: string | null;
  csrf: string;
  notice: Notice | null;
}

function Confirm({ id, label }: { id: string; label: string }) {
  return (
    <div class="field field-check">
      <input type="checkbox" id={id} name="confirm" value="1" />
      <label for={id}>{label}</label>
    </div>
  );
}

function FormError({ text }: { text: string | null }) {
  return text ? (
    <p class="notice notice-error" role="alert">
      {text}
    </p>
  ) : null;
}

export function TagFormPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: TagFormData }) {
  const t = f.t.tg;
  const v = d.values;
  const action = tagAdminUrl(d.tag.id);
  return (
    <StaffLayout frame={f} assets={assets} title={t.editTitle(d.tag.name)} section="tags" notice={d.notice}>
      <p>
        <a href={TAGS_URL}>{t.back}</a>
      </p>
      <p>
        {t.usage(articleCount(f, d.tag.articles))} <a href={urls.tag(d.tag)}>{t.viewOnSite}</a>
      </p>
      <form method="post" action={action} class="stacked-form staff-form" noValidate>
        <input type="hidden" name="_csrf" value={d.csrf} />
        <TextField
          id="tag-name"
          name="name"
          label={t.name}
          value={v.name}
          maxLength={60}
          hint={t.nameHint}
          error={d.errors.name}
        />
        <TextField
          id="tag-slug"
          name="slug"
          label={t.slug}
          value={v.slug}
          maxLength={120}
          hint={t.slugHint(d.slugExample)}
          error={d.errors.slug}
        />
        <SelectField
          id="tag-kind"
          name="kind"
          label={t.kind}
          value={v.kind}
          options={TAG_KINDS.map((k) => [k, f.t.topicKinds[k]] as const)}
          error={d.errors.kind}
        />
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
      <section class="staff-aside" aria-labelledby="merge-title">
        <h2 class="staff-subtitle" id="merge-title">
          {t.mergeTitle}
        </h2>
        <p class="hint">{t.mergeHint}</p>
        <FormError text={d.merge.error} />
        <form method="post" action={`${action}/merge`} class="stacked-form" noValidate>
          <input type="hidden" name="_csrf" value={d.csrf} />
          <TextField
            id="tag-merge-into"
            name="into"
            label={t.mergeInto}
            value={d.merge.into}
            maxLength={120}
            hint={t.mergeIntoHint}
          />
          <Confirm id="tag-merge-confirm" label={t.mergeConfirm} />
          <button type="submit" class="button button-secondary">
            {t.mergeButton}
          </button>
        </form>
      </section>
      <section class="staff-aside" aria-labelledby="delete-title">
        <h2 class="staff-subtitle" id="delete-title">
          {t.deleteTitle}
        </h2>
        <p class="hint">{t.deleteHint}</p>
        <FormError text={d.deleteError} />
        <form method="post" action={`${action}/delete`} class="stacked-form">
          <input type="hidden" name="_csrf" value={d.csrf} />
          <Confirm id="tag-delete-confirm" label={t.deleteConfirm} />
          <button type="submit" class="button button-secondary">
            {t.deleteButton}
          </button>
        </form>
      </section>
    </StaffLayout>
  );
}
