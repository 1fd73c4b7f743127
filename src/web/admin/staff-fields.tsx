// Form fields of the admin's forms (users, sections, settings) that the account pages' Field does
// not cover: a labelled select and textarea that carry their hint and error to screen readers.

interface Described {
  id: string;
  error?: string | undefined;
  hint?: string | undefined;
}

function described(p: Described) {
  const ids = [p.error ? `${p.id}-error` : '', p.hint ? `${p.id}-hint` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': p.error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
}

function HintAndError(p: Described) {
  return (
    <>
      {p.error ? (
        <p class="field-error" id={`${p.id}-error`}>
          {p.error}
        </p>
      ) : null}
      {p.hint ? (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      ) : null}
    </>
  );
}

export function SelectField(
  p: Described & {
    name: string;
    label: string;
    value: string;
    options: readonly (readonly [value: string, label: string])[];
    disabled?: boolean;
  },
) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name} disabled={p.disabled} {...described(p)}>
        {p.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === p.value}>
            {label}
          </option>
        ))}
      </select>
      <HintAndError {...p} />
    </div>
  );
}

export function TextAreaField(
  p: Described & { name: string; label: string; value: string; rows?: number; maxLength?: number },
) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <textarea id={p.id} name={p.name} rows={p.rows ?? 4} maxLength={p.maxLength} {...described(p)}>
        {p.value}
      </textarea>
      <HintAndError {...p} />
    </div>
  );
}

export function TextField(
  p: Described & {
    name: string;
    label: string;
    value: string;
    type?: 'text' | 'email';
    maxLength?: number;
    inputMode?: 'numeric';
    autocomplete?: string;
  },
) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        name={p.name}
        type={p.type ?? 'text'}
        list={undefined}
        value={p.value}
        maxLength={p.maxLength}
        inputMode={p.inputMode}
        autocomplete={p.autocomplete ?? 'off'}
        spellcheck={p.type === 'email' ? false : undefined}
        {...described(p)}
      />
      <HintAndError {...p} />
    </div>
  );
}
