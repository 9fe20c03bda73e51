/**
 * RFC 4180 output. `formatCsvRow` returns one record WITHOUT a line ending: join rows with '\n'
 * (or '\r\n') yourself. A field is quoted only when it holds a comma, a quote, CR or LF; quotes
 * inside it are doubled.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatCsvRow(fields: readonly string[]): string {
  let row = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) row += ',';
    row += formatCsvField(fields[i]!);
  }
  return row;
}
