// The comment settings form: the site's default policy, the word lists and the moderation chain's
// thresholds. Errors sit next to their fields and what was typed stays in them.
import type { SiteDeps } from '../site/deps.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, SETTINGS_URL, StaffLayout } from './layout.js';
import { NUMBER_FIELDS, type SettingsField, type SettingsFormValues } from './settings-form.js';

export interface SettingsPageData {
  values: SettingsFormValues;
  errors: Partial<Record<SettingsField, string>>;
  csrf: string;
  notice: Notice | null;
}

type FieldProps = { d: SettingsPageData; name: SettingsField; label: string; hint?: string };

function errorProps(d: SettingsPageData, name: SettingsField, hint: boolean) {
  const error = d.errors[name];
  const described = [error ? `${name}-error` : '', hint ? `${name}-hint` : ''].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  };
}

function FieldError({ d, name }: { d: SettingsPageData; name: SettingsField }) {
  const error = d.errors[name];
  return error ? (
    <p class="field-error" id={`${name}-error`}>
      {error}
    </p>
  ) : null;
}

function NumberField({ d, name, label, hint }: FieldProps) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        type="text"
        inputMode="numeric"
        value={d.values[name]}
        maxLength={12}
        {...errorProps(d, name, hint !== undefined)}
      />
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError d={d} name={name} />
    </div>
  );
}

function ListField({ d, name, label, hint }: FieldProps) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <textarea id={`f-${name}`} name={name} rows={8} {...errorProps(d, name, true)}>
        {d.values[name]}
      </textarea>
      <p class="hint" id={`${name}-hint`}>
        {hint}
      </p>
      <FieldError d={d} name={name} />
    </div>
  );
}

function Choice<V extends string>({
  d,
  name,
  legend,
  options,
}: {
  d: SettingsPageData;
  name: 'who' | 'moderation';
  legend: string;
  options: Record<V, string>;
}) {
  return (
    <fieldset class="settings-choice" aria-describedby={d.errors[name] ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {(Object.entries(options) as [V, string][]).map(([value, label]) => (
        <span class="field-check" key={value}>
          <input
            type="radio"
            id={`f-${name}-${value}`}
            name={name}
            value={value}
            checked={d.values[name] === value}
          />
          <label for={`f-${name}-${value}`}>{label}</label>
        </span>
      ))}
      <FieldError d={d} name={name} />
    </fieldset>
  );
}

export function SettingsPage({
  f,
  assets,
  d,
}: {
  f: Frame;
  assets: SiteDeps['assets'];
  d: SettingsPageData;
}) {
  const t = f.t.desk;
  return (
    <StaffLayout frame={f} assets={assets} title={t.settingsTitle} section="settings" notice={d.notice}>
      <form method="post" action={SETTINGS_URL} class="stacked-form settings-form" novalidate>
        <input type="hidden" name="_csrf" value={d.csrf} />
        <fieldset>
          <legend>{t.policy}</legend>
          <p class="hint">{t.policyHint}</p>
          <Choice d={d} name="who" legend={t.whoLabel} options={t.whoOptions} />
          <Choice d={d} name="moderation" legend={t.moderationLabel} options={t.moderationOptions} />
          <NumberField d={d} name="closeAfterDays" label={t.closeAfterDays} hint={t.closeHint} />
        </fieldset>
        <fieldset>
          <legend>{t.wordLists}</legend>
          <ListField d={d} name="bannedWords" label={t.bannedWords} hint={t.onePerLine} />
          <ListField d={d} name="suspectWords" label={t.suspectWords} hint={t.onePerLine} />
        </fieldset>
        <fieldset>
          <legend>{t.thresholds}</legend>
          <div class="settings-grid">
            {NUMBER_FIELDS.map((name) => (
              <NumberField key={name} d={d} name={name} label={t[name]} />
            ))}
          </div>
        </fieldset>
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
    </StaffLayout>
  );
}
