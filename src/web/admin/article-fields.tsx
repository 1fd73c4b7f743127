// One labelled field of the article editor: label, control, hint and error, tied together for
// screen readers (aria-describedby, aria-invalid).
import type { ComponentChildren } from 'preact';

export interface FieldA11y {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

export function Field({
  name,
  label,
  hint,
  error,
  children,
  wide = false,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (a11y: FieldA11y) => ComponentChildren;
  wide?: boolean;
}) {
  const id = `f-${name}`;
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={wide ? 'field field-wide' : 'field'}>
      <label for={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': described || undefined,
      })}
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
