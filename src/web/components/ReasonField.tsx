// The written reason a change of a case carries (visitation, reassignment, voiding): a text
// area with the schema's limit and its counter, handing the text itself to the form.
import { TextAreaField } from './TextAreaField.js';

interface ReasonFieldProps {
  id: string;
  label: string;
  helpText?: string;
  rows?: number;
  /** The request schema's maxLength for the reason. */
  limit: number | undefined;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}

export function ReasonField({ onChange, limit, ...field }: ReasonFieldProps) {
  return (
    <TextAreaField
      {...field}
      characterLimit={limit}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    />
  );
}
