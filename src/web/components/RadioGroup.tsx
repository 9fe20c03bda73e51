// DKFDS radio buttons: a fieldset whose legend names the question, one radio per answer. An
// answer may reveal more under it while it is chosen (DKFDS "hidden content", e.g. a follow-up
// question): the content follows its radio, so Tab reaches it next and leaves it as usual.
import type { ReactNode } from 'react';
import { describedBy, groupClass, HelpAndError } from './fieldParts.js';

export interface RadioOption {
  value: string;
  label: string;
  /** A line under the label that explains the choice. */
  hint?: string;
  /** Shown under the radio while it is chosen; hidden (and out of the tab order) otherwise. */
  reveal?: ReactNode;
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
        {options.map((option, index) => {
          const radio = radioId(id, index);
          const chosen = value === option.value;
          const revealId = `${radio}-reveal`;
          const reveals = option.reveal !== undefined;
          const button = (
            <div className="form-group-radio" key={option.value}>
              <input
                type="radio"
                id={radio}
                name={name}
                className="form-radio"
                value={option.value}
                checked={chosen}
                aria-describedby={option.hint === undefined ? undefined : `${radio}-hint`}
                // ARIA allows no aria-expanded on a radio; DKFDS marks the state with data-expanded.
                aria-controls={reveals ? revealId : undefined}
                data-expanded={reveals ? String(chosen) : undefined}
                onChange={() => {
                  onChange(option.value);
                }}
              />
              <label htmlFor={radio}>{option.label}</label>
              {option.hint !== undefined && (
                <span className="form-hint" id={`${radio}-hint`}>
                  {option.hint}
                </span>
              )}
            </div>
          );
          if (!reveals) return button;
          return (
            <div
              key={option.value}
              className={chosen ? 'hidden-content-wrapper show-content' : 'hidden-content-wrapper'}
            >
              {button}
              <div id={revealId} className="radio-content" aria-hidden={!chosen} hidden={!chosen}>
                {option.reveal}
              </div>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
