// A whole CPR number typed by a person: digits on a phone's keypad, never remembered by the
// browser or spell-checked, and never put in the address (forms holding it send it in a body).
import { TextField } from './TextField.js';

interface CprFieldProps {
  id: string;
  label: string;
  helpText: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

export function CprField({ id, label, helpText, value, error, onChange }: CprFieldProps) {
  return (
    <TextField
      id={id}
      name="cpr"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      label={label}
      helpText={helpText}
      width="input-width-m"
      value={value}
      error={error}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    />
  );
}
