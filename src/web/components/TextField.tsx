// DKFDS text input in its form group, with label, optional help text and error message. With a
// `characterLimit` (from the request schema, see forms/limits.ts) the help text states it; the
// input never cuts text short, the form's check says when it is too long.
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useLimitHint } from './fieldParts.js';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'maxLength'> {
  id: string;
  label: string;
  helpText?: string;
  error?: string;
  /** DKFDS width class, e.g. "input-width-l". */
  width?: string;
  /** Most characters the server takes. */
  characterLimit?: number | undefined;
}

export function TextField({ id, label, helpText, error, width, characterLimit, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const hint = useLimitHint(helpText, characterLimit);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [hint !== undefined ? helpId : null, error !== undefined ? errorId : null]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className={error === undefined ? 'form-group' : 'form-group form-error'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <span className="form-hint" id={helpId}>
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span className="form-error-message" id={errorId}>
          <span className="sr-only">{t('alert.errorPrefix')} </span>
          {error}
        </span>
      )}
      <input
        id={id}
        className={width === undefined ? 'form-input' : `form-input ${width}`}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        {...input}
      />
    </div>
  );
}
