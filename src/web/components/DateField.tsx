// DKFDS date input ("Datofelt"): day, month and year in three boxes inside one fieldset whose
// legend names the date. The browser's own date picker is not used: it showed mm/dd/yyyy and
// silently rolled 31.02.2026 into March. A whole date typed or pasted into a box (07.12.2026,
// 07122026, 7-12-2026, 7. december 2026) is split into the three boxes.
//
// The value is what a form keeps and checks: the ISO date (YYYY-MM-DD) when the boxes hold one,
// '' when they are empty, and otherwise the boxes as typed, which `isIsoDate` turns down and
// `dateValueProblem` (forms/dateText.ts) explains.
import { useCallback, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateValueOf, partsOfValue, splitWholeDate, type DatePart, type DateParts } from '../forms/danishDate.js';
import { dateValueProblem } from '../forms/dateText.js';
import { useLanguage } from '../i18n/index.js';
import { describedBy, groupClass, HelpAndError, OptionalMark } from './fieldParts.js';

const PARTS: readonly DatePart[] = ['day', 'month', 'year'];

interface DateFieldProps {
  /** Id of the field; the boxes get `${id}-day`, `${id}-month` and `${id}-year`. */
  id: string;
  /** The legend: what the date is ("Ydelsen startede"). */
  label: string;
  value: string;
  onChange: (value: string) => void;
  helpText?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  autoFocus?: boolean;
}

/** The day box's id: where an error summary links and focus goes. */
export function dateFieldId(id: string): string {
  return `${id}-day`;
}

/** A form's check of a date field's value: the reason it is no date, or undefined when it is one or is empty. */
export function useDateProblem(): (value: string) => string | undefined {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback((value: string) => dateValueProblem(value, t, language), [t, language]);
}

export function DateField({ id, label, value, onChange, helpText, error, optional, autoFocus }: DateFieldProps) {
  const { t } = useTranslation();
  // The boxes as typed ("7", not "07"), kept until the form sets another value (a reset after saving).
  const [shown, setShown] = useState(() => ({ value, parts: partsOfValue(value) }));
  let parts = shown.parts;
  if (value !== shown.value) {
    parts = partsOfValue(value);
    setShown({ value, parts });
  }

  const change = (next: DateParts): void => {
    const nextValue = dateValueOf(next);
    setShown({ value: nextValue, parts: next });
    if (nextValue !== value) onChange(nextValue);
  };
  const onBox = (part: DatePart) => (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    // Only a whole date with its four-digit year is split while typing, so 07.12.20… waits.
    change(splitWholeDate(text) ?? { ...parts, [part]: text });
  };
  // Leaving a box with a whole date with a short year in it (7.12.26) splits it too, so the
  // year box shows what the message about the year means.
  const onLeave = (part: DatePart) => () => {
    const whole = splitWholeDate(parts[part], { complete: false });
    if (whole !== null) change(whole);
  };

  return (
    <div className={groupClass(error)}>
      <fieldset aria-describedby={describedBy({ id, helpText, error })}>
        <legend className="form-label">
          {label}
          <OptionalMark optional={optional} />
        </legend>
        <HelpAndError id={id} helpText={helpText} error={error} />
        <div className="date-group mt-3">
          {PARTS.map((part) => (
            <div key={part} className={`form-group form-group-${part}`}>
              <label className="form-label" htmlFor={`${id}-${part}`}>
                {t(`dateField.${part}`)}
              </label>
              <input
                type="text"
                inputMode="numeric"
                id={`${id}-${part}`}
                name={`${id}-${part}`}
                className="form-input"
                autoComplete="off"
                spellCheck={false}
                value={parts[part]}
                aria-invalid={error === undefined ? undefined : true}
                autoFocus={autoFocus === true && part === 'day'}
                onChange={onBox(part)}
                onBlur={onLeave(part)}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
