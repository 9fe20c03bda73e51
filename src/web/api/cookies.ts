/** The cookie the server sets for double-submit CSRF protection; readable by scripts on purpose. */
export const CSRF_COOKIE = 'medspiller_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** Value of one cookie in a `document.cookie` string, or undefined when it is absent. */
export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      // A value that is not valid percent-encoding is still the value the server sent.
      return raw;
    }
  }
  return undefined;
}
