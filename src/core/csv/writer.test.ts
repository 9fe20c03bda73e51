import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvChunkWriter } from './writer.js';
import { formatCsvRow } from './format.js';

function write(
  rows: readonly (readonly string[])[],
  chunkBytes?: number,
): { bytes: Uint8Array; text: string; chunks: number } {
  const chunks: Uint8Array[] = [];
  const writer = new CsvChunkWriter((bytes) => chunks.push(bytes), chunkBytes);
  for (const row of rows) {
    for (const field of row) writer.field(field);
    writer.endRow();
  }
  writer.flush();
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return { bytes: all, text: new TextDecoder().decode(all), chunks: chunks.length };
}

describe('CsvChunkWriter', () => {
  it('writes RFC 4180 rows ending in LF', () => {
    expect(
      write([
        ['a', 'b,c', 'say "hi"', ''],
        ['x\ny', 'ø', '😀'],
      ]).text,
    ).toBe('a,"b,c","say ""hi""",\n"x\ny",ø,😀\n');
  });

  it('writes the same bytes as TextEncoder on formatCsvRow, in chunks of any size', () => {
    const unit = fc.constantFrom(
      'a',
      ',',
      '"',
      '\n',
      '\r',
      'é',
      '\u4e2d',
      '\uD83D',
      '\uDE00',
      '\uFFFF',
      '\u0080',
      '\u07FF',
      '\u0800',
    );
    const rows = fc.array(fc.array(fc.string({ unit, maxLength: 8 }), { minLength: 1, maxLength: 4 }), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 64 }), (list, chunkBytes) => {
        const expected = new TextEncoder().encode(list.map((r) => formatCsvRow(r) + '\n').join(''));
        expect(Array.from(write(list, chunkBytes).bytes)).toEqual(Array.from(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it('hands over full chunks as it goes', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`row-${i}`]);
    expect(write(rows, 256).chunks).toBeGreaterThan(20);
  });
});
