import { describe, it, expect } from 'vitest';
import { formatCsvField, formatCsvRow } from './format.js';

describe('formatCsvRow', () => {
  it('leaves plain fields alone and adds no line ending', () => {
    expect(formatCsvRow(['a', 'b c', '', 'é'])).toBe('a,b c,,é');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles quotes', () => {
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('x\ny')).toBe('"x\ny"');
    expect(formatCsvField('x\ry')).toBe('"x\ry"');
    expect(formatCsvRow(['1', '"', ','])).toBe('1,"""",","');
  });
});
