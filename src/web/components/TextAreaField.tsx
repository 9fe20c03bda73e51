// DKFDS text area in its form group, with label, optional help text and error message. With a
// `characterLimit` (from the request schema, see forms/limits.ts) it states the limit in the
// help text, or on long texts counts down with DKFDS' character limit; it never cuts text short.
import type { TextareaHTMLAttributes } from 'react';
import { COUNTER_FROM } from '../forms/limits.js';
import { characterCount } from '../forms/validate.js';
import { CharacterLimit, limitMessageId } from './CharacterLimit.js';
import { describedBy, groupClass, HelpAndError, OptionalMark, useLimitHint } from './fieldParts.js';

interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'className' | 'maxLength' | 'value'
> {
  id: string;
  label: string;
  value: string;
  helpText?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  /** Most characters the server takes. */
  characterLimit?: number | undefined;
}

export function TextAreaField({
  id,
  label,
  value,
  helpText,
  error,
  optional,
  characterLimit,
  rows = 4,
  ...textarea
}: TextAreaFieldProps) {
  const counts = characterLimit !== undefined && characterLimit > COUNTER_FROM;
  const hint = useLimitHint(helpText, counts ? undefined : characterLimit);
  const over = counts && characterCount(value) > characterLimit;
  const described = [describedBy({ id, helpText: hint, error }), counts ? limitMessageId(id) : undefined]
    .filter((part) => part !== undefined)
    .join(' ');
  return (
    <div className={groupClass(error, counts ? 'form-limit' : '')} data-maxlength={counts ? characterLimit : undefined}>
      <label className="form-label" htmlFor={id}>
        {label}
        <OptionalMark optional={optional} />
      </label>
      <HelpAndError id={id} helpText={hint} error={error} />
      <textarea
        id={id}
        className={over ? 'form-input form-limit-error' : 'form-input'}
        rows={rows}
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={described === '' ? undefined : described}
        {...textarea}
      />
      {counts && <CharacterLimit id={id} limit={characterLimit} value={value} />}
    </div>
  );
}
