import { normalisePassword, type PasswordBlocklist } from './blocklist.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblemCode =
  'password_too_short' | 'password_too_long' | 'password_common' | 'password_contains_user_input';

export interface PasswordProblem {
  readonly code: PasswordProblemCode;
  readonly message_da: string;
  readonly message_en: string;
}

export interface PasswordCheckOptions {
  /**
   * What the person or the service is known by: e-mail, name, user name, municipality,
   * "medspiller". E-mail addresses count by their local part.
   */
  readonly userInputs: readonly string[];
  readonly blocklist: PasswordBlocklist;
}

const PROBLEMS: Readonly<Record<PasswordProblemCode, PasswordProblem>> = {
  password_too_short: {
    code: 'password_too_short',
    message_da: `Adgangskoden skal være på mindst ${String(PASSWORD_MIN_LENGTH)} tegn.`,
    message_en: `The password must be at least ${String(PASSWORD_MIN_LENGTH)} characters long.`,
  },
  password_too_long: {
    code: 'password_too_long',
    message_da: `Adgangskoden må højst være på ${String(PASSWORD_MAX_LENGTH)} tegn.`,
    message_en: `The password must be at most ${String(PASSWORD_MAX_LENGTH)} characters long.`,
  },
  password_common: {
    code: 'password_common',
    message_da: 'Adgangskoden er for almindelig: den findes på lister over lækkede adgangskoder. Vælg en anden.',
    message_en: 'The password is too common: it appears in lists of breached passwords. Choose another.',
  },
  password_contains_user_input: {
    code: 'password_contains_user_input',
    message_da: 'Adgangskoden må ikke indeholde dit navn eller din e-mailadresse.',
    message_en: 'The password must not contain your name or e-mail address.',
  },
};

// Shorter pieces of a name ("Bo", "Per") occur inside ordinary words and would reject good
// passwords; four characters keep first names, surnames and mailbox names.
const MIN_USER_TOKEN_LENGTH = 4;
const TRAILING_NON_LETTERS = /[^\p{L}]+$/u;
const TOKEN_SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * The problems with a new password, in a stable order; empty when it is acceptable.
 * Length counts Unicode code points, so "æøå" is three characters, as a person would count.
 */
export function checkPassword(password: string, options: PasswordCheckOptions): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = codePointLength(password.normalize('NFC'));
  if (length < PASSWORD_MIN_LENGTH) problems.push(PROBLEMS.password_too_short);
  if (length > PASSWORD_MAX_LENGTH) problems.push(PROBLEMS.password_too_long);
  if (isCommon(password, options.blocklist)) problems.push(PROBLEMS.password_common);
  if (containsUserInput(password, options.userInputs)) problems.push(PROBLEMS.password_contains_user_input);
  return problems;
}

/** On the list as typed, or once the digits and symbols people tack on ("Sommer2024!") are cut. */
function isCommon(password: string, blocklist: PasswordBlocklist): boolean {
  const normalised = normalisePassword(password);
  if (blocklist.has(normalised)) return true;
  const stem = normalised.replace(TRAILING_NON_LETTERS, '');
  return stem !== '' && stem !== normalised && blocklist.has(stem);
}

function containsUserInput(password: string, userInputs: readonly string[]): boolean {
  const normalised = normalisePassword(password);
  return userInputs.flatMap(userTokens).some((token) => normalised.includes(token));
}

/** The whole input and its word pieces; an e-mail address by its local part only. */
function userTokens(input: string): string[] {
  let text = normalisePassword(input).trim();
  const at = text.lastIndexOf('@');
  if (at > 0) text = text.slice(0, at);
  const tokens = [text, ...text.split(TOKEN_SEPARATORS)];
  return tokens.filter((token) => codePointLength(token) >= MIN_USER_TOKEN_LENGTH);
}

// Code points, not UTF-16 units: an emoji outside the BMP is one character, not two.
function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
