// DKFDS select ("dropdown") in its form group, with label, optional help text and error message.
import type { SelectHTMLAttributes } from 'react';
import { describedBy, groupClass, HelpAndError, OptionalMark } from './fieldParts.js';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  id: string;
  label: string;
  options: readonly SelectOption[];
  helpText?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
}

export function SelectField({ id, label, options, helpText, error, optional, ...select }: SelectFieldProps) {
  return (
    <div className={groupClass(error)}>
      <label className="form-label" htmlFor={id}>
        {label}
        <OptionalMark optional={optional} />
      </label>
      <HelpAndError id={id} helpText={helpText} error={error} />
      <select
        id={id}
        className="form-select"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy({ id, helpText, error })}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
