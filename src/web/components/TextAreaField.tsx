// DKFDS text area in its form group, with label, optional help text and error message.
import type { TextareaHTMLAttributes } from 'react';
import { describedBy, groupClass, HelpAndError, OptionalMark } from './fieldParts.js';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> {
  id: string;
  label: string;
  helpText?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
}

export function TextAreaField({ id, label, helpText, error, optional, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <div className={groupClass(error)}>
      <label className="form-label" htmlFor={id}>
        {label}
        <OptionalMark optional={optional} />
      </label>
      <HelpAndError id={id} helpText={helpText} error={error} />
      <textarea
        id={id}
        className="form-input"
        rows={rows}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy({ id, helpText, error })}
        {...textarea}
      />
    </div>
  );
}
