// DKFDS checkboxes for a question with several answers: a fieldset whose legend names the
// question, one checkbox per answer. The first checkbox gets `${id}-0` for the error summary.
import { describedBy, groupClass, HelpAndError } from './fieldParts.js';

export interface CheckboxOption<T extends string> {
  value: T;
  label: string;
}

interface CheckboxGroupProps<T extends string> {
  id: string;
  legend: string;
  options: readonly CheckboxOption<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  helpText?: string | undefined;
  error?: string | undefined;
}

export function CheckboxGroup<T extends string>({
  id,
  legend,
  options,
  values,
  onChange,
  helpText,
  error,
}: CheckboxGroupProps<T>) {
  const toggle = (value: T, checked: boolean): void => {
    const others = values.filter((existing) => existing !== value);
    // Keep the options' own order whatever order they were ticked in.
    const next = checked ? [...others, value] : others;
    onChange(options.map((option) => option.value).filter((candidate) => next.includes(candidate)));
  };
  return (
    <div className={groupClass(error)}>
      <fieldset aria-describedby={describedBy({ id, helpText, error })}>
        <legend className="form-label">{legend}</legend>
        <HelpAndError id={id} helpText={helpText} error={error} />
        {options.map((option, index) => (
          <div className="form-group-checkbox" key={option.value}>
            <input
              type="checkbox"
              id={`${id}-${index}`}
              className="form-checkbox"
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => {
                toggle(option.value, event.target.checked);
              }}
            />
            <label htmlFor={`${id}-${index}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
