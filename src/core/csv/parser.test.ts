import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvParser, CsvSyntaxError } from './parser.js';
import { formatCsvRow } from './format.js';

interface Parsed {
  records: string[][];
  lines: number[];
}

function parseChunks(chunks: readonly string[]): Parsed {
  const records: string[][] = [];
  const lines: number[] = [];
  const parser = new CsvParser((fields, line) => {
    records.push(fields);
    lines.push(line);
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { records, lines };
}

const parse = (text: string): Parsed => parseChunks([text]);

function syntaxError(text: string): CsvSyntaxError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error(`no syntax error for ${JSON.stringify(text)}`);
}

describe('CsvParser: RFC 4180 cases', () => {
  it('parses simple records with LF and gives start lines', () => {
    expect(parse('a,b,c\n1,2,3\n')).toEqual({
      records: [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
      lines: [1, 2],
    });
  });

  it('accepts CRLF and a last record without a line break', () => {
    expect(parse('a,b\r\n1,2').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parse('a,b\r\n1,2\r\n').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including leading and trailing ones', () => {
    expect(parse(',a,,\n').records).toEqual([['', 'a', '', '']]);
    expect(parse('"",""\n').records).toEqual([['', '']]);
  });

  it('strips a UTF-8 byte order mark only at the start', () => {
    expect(parse('\uFEFFid,x\n1,\uFEFF\n').records).toEqual([
      ['id', 'x'],
      ['1', '\uFEFF'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,"crlf\r\ninside"\r\n5,x\n';
    const { records, lines } = parse(text);
    expect(records).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
      ['4', 'crlf\r\ninside'],
      ['5', 'x'],
    ]);
    expect(lines).toEqual([1, 2, 3, 4, 6, 8]);
  });

  it('accepts a quoted field at the end of a file without a line break', () => {
    expect(parse('a,"b"').records).toEqual([['a', 'b']]);
    expect(parse('a,"b"\r\n').records).toEqual([['a', 'b']]);
  });

  it('skips empty lines but still counts them', () => {
    expect(parse('a\n\n\r\nb\n\n')).toEqual({ records: [['a'], ['b']], lines: [1, 4] });
  });

  it('keeps spaces (they are part of the field)', () => {
    expect(parse(' a , b \n').records).toEqual([[' a ', ' b ']]);
  });

  it('reports an unterminated quote at the line where the record starts', () => {
    const error = syntaxError('id,x\n1,ok\n2,"open\nstill open\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/line 3: unterminated/);
  });

  it('reports text after a closing quote with its line', () => {
    expect(syntaxError('a\n"b"c,d\n').line).toBe(2);
    expect(syntaxError('a\n"b"c,d\n').reason).toMatch(/after the closing quote/);
    expect(syntaxError('a\n"x\ny"z\n').line).toBe(3);
    expect(syntaxError('"b"\rc\n').reason).toMatch(/after the closing quote/);
  });

  it('rejects a quote inside an unquoted field', () => {
    const error = syntaxError('id\nab"c\n');
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/quote inside an unquoted field/);
  });

  it('gives each record its own array', () => {
    const { records } = parse('a,b\nc,d\n');
    expect(records[0]).not.toBe(records[1]);
  });
});

// Fields drawn from characters that exercise every branch of the parser.
const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '\uFEFF'), maxLength: 6 });
const row = fc.array(field, { minLength: 2, maxLength: 4 });

/** Rows as RFC 4180 text; a lone empty field would be an empty line, so rows have ≥ 2 fields. */
const document = fc
  .tuple(fc.array(row, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([rows, eol, finalEol]) => ({
    rows,
    text: rows.map(formatCsvRow).join(eol) + (finalEol && rows.length > 0 ? eol : ''),
  }));

function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

describe('CsvParser: properties', () => {
  it('parses formatted rows back to the same fields', () => {
    fc.assert(
      fc.property(document, ({ rows, text }) => {
        // A leading BOM is dropped, so write one: a first field starting with U+FEFF must survive.
        expect(parse('\uFEFF' + text).records).toEqual(rows);
      }),
      { numRuns: 2000 },
    );
  });

  it('yields the same records and lines however the text is split into chunks', () => {
    const text = fc.oneof(
      document.map((d) => d.text),
      // Arbitrary text, valid or not: the outcome (records or the error) must not depend on the split.
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\uFEFF'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
        const outcome = (chunks: readonly string[]): unknown => {
          try {
            return parseChunks(chunks);
          } catch (error) {
            if (error instanceof CsvSyntaxError) return { error: error.message };
            throw error;
          }
        };
        expect(outcome(splitAt(t, cuts))).toEqual(outcome([t]));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles one character per chunk', () => {
    const text = '\uFEFFid,"a\r\nb",c\r\n"x""y",,z\r\nlast,"q"';
    expect(parseChunks(Array.from({ length: text.length }, (_, i) => text.charAt(i)))).toEqual(parse(text));
    expect(parse(text).records).toEqual([
      ['id', 'a\r\nb', 'c'],
      ['x"y', '', 'z'],
      ['last', 'q'],
    ]);
  });
});
