// DKFDS radio buttons: a fieldset whose legend names the question, one radio per answer.
import { describedBy, groupClass, HelpAndError } from './fieldParts.js';

export interface RadioOption {
  value: string;
  label: string;
  /** A line under the label that explains the choice. */
  hint?: string;
}

interface RadioGroupProps {
  /** Id of the group; the first radio gets `${id}-0` so an error summary can link to it. */
  id: string;
  name: string;
  legend: string;
  options: readonly RadioOption[];
  value: string;
  onChange: (value: string) => void;
  helpText?: string | undefined;
  error?: string | undefined;
}

export function radioId(groupId: string, index = 0): string {
  return `${groupId}-${index}`;
}

export function RadioGroup({ id, name, legend, options, value, onChange, helpText, error }: RadioGroupProps) {
  return (
    <div className={groupClass(error)}>
      <fieldset aria-describedby={describedBy({ id, helpText, error })}>
        <legend className="form-label">{legend}</legend>
        <HelpAndError id={id} helpText={helpText} error={error} />
        {options.map((option, index) => (
          <div className="form-group-radio" key={option.value}>
            <input
              type="radio"
              id={radioId(id, index)}
              name={name}
              className="form-radio"
              value={option.value}
              checked={value === option.value}
              aria-describedby={option.hint === undefined ? undefined : `${radioId(id, index)}-hint`}
              onChange={() => {
                onChange(option.value);
              }}
            />
            <label htmlFor={radioId(id, index)}>{option.label}</label>
            {option.hint !== undefined && (
              <span className="form-hint" id={`${radioId(id, index)}-hint`}>
                {option.hint}
              </span>
            )}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
