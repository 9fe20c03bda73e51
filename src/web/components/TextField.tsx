// DKFDS text input in its form group, with label, optional help text and error message.
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: string;
  helpText?: string;
  error?: string;
  /** DKFDS width class, e.g. "input-width-l". */
  width?: string;
}

export function TextField({ id, label, helpText, error, width, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [helpText !== undefined ? helpId : null, error !== undefined ? errorId : null]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className={error === undefined ? 'form-group' : 'form-group form-error'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {helpText !== undefined && (
        <span className="form-hint" id={helpId}>
          {helpText}
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
