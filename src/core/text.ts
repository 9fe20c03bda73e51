// What counts as text a person could have typed: shared by the server's input rules
// (src/server/http/input.ts, format `text`) and the web's form checks, so both say the same.

/** C0 control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * No NUL or other control characters (tab and line breaks are fine) and no lone UTF-16
 * surrogates, which no character encoding can store. PostgreSQL refuses NUL in text.
 */
export function isPlainText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}
