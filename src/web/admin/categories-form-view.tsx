// One section's form (new or existing): name, address, parent, description, menu position and
// the comment rules, each of which may inherit. An existing section also gets the delete form.
import type { CategoryDraft, CategoryField } from '../../content/category-check.js';
import type { SiteDeps } from '../site/deps.js';
import type { Frame } from '../site/views/frame.js';
import { CATEGORIES_URL, categoryUrl } from './categories-view.js';
import { type Notice, StaffLayout } from './layout.js';
import { SelectField, TextAreaField, TextField } from './staff-fields.js';

export interface CategoryFormData {
  /** null for a new section. */
  existing: { id: number; name: string } | null;
  values: CategoryDraft;
  errors: Partial<Record<CategoryField, string>>;
  /** Possible parents, in tree order, already indented; the section itself and its subsections left out. */
  parents: [id: number, label: string][];
  /** The address the name would give, for the hint. */
  slugExample: string;
  csrf: string;
  notice: Notice | null;
  deleteError: string | null;
}

export function CategoryFormPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: CategoryFormData;
}) {
  const t = f.t.staff;
  const title = d.existing ? t.editCategory(d.existing.name) : t.newCategory;
  const action = d.existing ? categoryUrl(d.existing.id) : CATEGORIES_URL;
  const v = d.values;
  const e = d.errors;
  return (
    <StaffLayout frame={f} assets={assets} title={title} section="categories" notice={d.notice}>
      <p>
        <a href={CATEGORIES_URL}>{t.categoriesTitle}</a>
      </p>
      <form method="post" action={action} class="stacked-form staff-form" noValidate>
        <input type="hidden" name="_csrf" value={d.csrf} />
        <TextField
          id="category-name"
          name="name"
          label={t.name}
          value={v.name}
          maxLength={60}
          error={e.name}
        />
        <TextField
          id="category-slug"
          name="slug"
          label={t.slug}
          value={v.slug}
          maxLength={200}
          hint={d.existing ? `${t.slugHint(d.slugExample)} ${t.slugChangeHint}` : t.slugHint(d.slugExample)}
          error={e.slug}
        />
        <SelectField
          id="category-parent"
          name="parent"
          label={t.parent}
          value={v.parent}
          options={[['', t.noParent], ...d.parents.map(([id, label]) => [String(id), label] as const)]}
          error={e.parent}
        />
        <TextAreaField
          id="category-description"
          name="description"
          label={t.description}
          value={v.description}
          rows={3}
          maxLength={500}
          error={e.description}
        />
        <TextField
          id="category-position"
          name="position"
          label={t.position}
          value={v.position}
          maxLength={6}
          inputMode="numeric"
          hint={t.positionHint}
          error={e.position}
        />
        <fieldset class="staff-fieldset">
          <legend>{t.commentPolicy}</legend>
          <p class="hint">{t.commentPolicyHint}</p>
          <SelectField
            id="category-who"
            name="who"
            label={t.who}
            value={v.who}
            options={Object.entries(t.whoOptions)}
            error={e.who}
          />
          <SelectField
            id="category-moderation"
            name="moderation"
            label={t.moderation}
            value={v.moderation}
            options={Object.entries(t.moderationOptions)}
            error={e.moderation}
          />
          <TextField
            id="category-close-days"
            name="closeDays"
            label={t.closeDays}
            value={v.closeDays}
            maxLength={6}
            inputMode="numeric"
            hint={t.closeDaysHint}
            error={e.closeDays}
          />
        </fieldset>
        <button type="submit" class="button">
          {d.existing ? t.saveChanges : t.newCategory}
        </button>
      </form>
      {d.existing ? (
        <section class="staff-aside" aria-labelledby="delete-title">
          <h2 class="staff-subtitle" id="delete-title">
            {t.deleteTitle}
          </h2>
          <p class="hint">{t.deleteHint}</p>
          {d.deleteError ? (
            <p class="notice notice-error" role="alert">
              {d.deleteError}
            </p>
          ) : null}
          <form method="post" action={`${categoryUrl(d.existing.id)}/delete`} class="stacked-form">
            <input type="hidden" name="_csrf" value={d.csrf} />
            <div class="field field-check">
              <input type="checkbox" id="category-delete-confirm" name="confirm" value="1" />
              <label for="category-delete-confirm">{t.deleteConfirm}</label>
            </div>
            <button type="submit" class="button button-secondary">
              {t.deleteButton}
            </button>
          </form>
        </section>
      ) : null}
    </StaffLayout>
  );
}
