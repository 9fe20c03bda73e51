// Turns an API error into problems for a form's error summary. The server names the field at
// the start of a 400 message ("body.cpr: …", "reason: …"); a known field gets a link to its
// input (and its label, when the rest is not a sentence of its own), anything else is listed
// as plain text.
import { readableError } from '../api/client.js';
import type { FormProblem } from '../components/ErrorSummary.js';

export interface FieldInfo {
  /** Id of the input, for the summary's link. */
  id: string;
  label: string;
  /** The field named at the start of a sentence, e.g. "Notatet"; without it "Feltet »Notat«". */
  subject?: string;
}

/** API field name → the input that edits it. */
export type FieldMap = Readonly<Record<string, FieldInfo>>;

export interface Problems {
  problems: FormProblem[];
  /** API field name → message shown beside the field. */
  fieldErrors: Record<string, string>;
}

const FIELD_MESSAGE = /^(?:body\.|querystring\.)?([a-z_]+)(?:\.[\w.]*)?:\s*([\s\S]+)$/;

/** The API field a message is about, and the rest of the message; null when it names none. */
export function splitFieldMessage(message: string): { field: string; rest: string } | null {
  const match = FIELD_MESSAGE.exec(message);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { field: match[1], rest: match[2] };
}

/** Problems from a failed request; `fallback` when the server said nothing a person can use. */
export function problemsFrom(failure: unknown, fields: FieldMap, fallback: string): Problems {
  const error = readableError(failure);
  if (error === null) return { problems: [{ message: fallback }], fieldErrors: {} };
  const split = error.code === 'invalid_input' ? splitFieldMessage(error.message) : null;
  const field = split === null ? undefined : fields[split.field];
  if (split === null || field === undefined) return { problems: [{ message: error.message }], fieldErrors: {} };
  // A whole sentence names its field already; an older fragment ("må ikke ligge i fremtiden.") needs the label.
  const sentence = /^\p{Lu}/u.test(split.rest);
  return {
    problems: [{ message: sentence ? split.rest : `${field.label}: ${split.rest}`, fieldId: field.id }],
    fieldErrors: { [split.field]: split.rest },
  };
}

/** A problem for each missing or wrong field found before sending. */
export function problemsOf(found: Readonly<Record<string, string>>, fields: FieldMap): Problems {
  const problems: FormProblem[] = [];
  for (const [name, message] of Object.entries(found)) {
    const field = fields[name];
    problems.push(field === undefined ? { message } : { message, fieldId: field.id });
  }
  return { problems, fieldErrors: { ...found } };
}
