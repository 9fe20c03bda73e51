// The server says what is wrong with a new password (too short, too common, made of the
// person's name) in whole sentences but without naming the field, since the same check serves
// several forms. Each form puts them on its own password field, so the error summary links there.
import { ApiError } from '../../api/client.js';

/** The error as if the server had named `field`; other errors as they are. */
export function onPasswordField(error: unknown, field: string): unknown {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return error;
  const problems = error.details.problems;
  const aboutPassword =
    Array.isArray(problems) &&
    problems.length > 0 &&
    problems.every((code) => typeof code === 'string' && code.startsWith('password_'));
  if (!aboutPassword) return error;
  return new ApiError(error.status, error.code, `${field}: ${error.message}`, error.details);
}

/** Runs a request and rethrows its password problems as `field`'s. */
export async function withPasswordField<T>(field: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw onPasswordField(error, field);
  }
}
