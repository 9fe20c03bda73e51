// One set of typed domain errors, mapped to HTTP in one place (plugins/errors.ts).
// A stable `code` for programs, a message in Danish and English for people.

export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  case_closed: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  headers_too_large: 431,
  request_timeout: 408,
  unsupported_media_type: 415,
  login_locked: 429,
  rate_limited: 429,
  not_ready: 503,
  database_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface Message {
  da: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: Message;
  /** Extra JSON for the client, e.g. the current record on a version conflict. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, text: Message, details?: Record<string, unknown>) {
    super(text.en);
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: Message = { da: 'Findes ikke.', en: 'Not found.' }): AppError =>
  new AppError('not_found', what);

export const invalid = (text: Message, details?: Record<string, unknown>): AppError =>
  new AppError('invalid_input', text, details);

export const versionConflict = (current: Record<string, unknown>): AppError =>
  new AppError(
    'version_conflict',
    {
      da: 'Nogen har ændret dette, efter du åbnede det. Se den nye udgave og prøv igen.',
      en: 'Someone changed this after you opened it. Look at the new version and try again.',
    },
    { current },
  );

/** A change to a closed case: it is read-only until it is reopened. */
export const caseClosed = (): AppError =>
  new AppError('case_closed', {
    da: 'Sagen er lukket. Genåbn sagen, før du ændrer i den.',
    en: 'The case is closed. Reopen the case before changing it.',
  });
