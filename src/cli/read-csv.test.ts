import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvInputError, readCsvFile, readCsvTable } from './read-csv.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-csv-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<CsvInputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CsvInputError) return error;
    throw error;
  }
  throw new Error('expected a CsvInputError');
}

describe('readCsvFile', () => {
  it('reads a file larger than one chunk, with multi-byte characters across chunk edges', async () => {
    const rows = 120_000; // ~2.4 MB: several 1 MiB reads
    const lines = ['id,name'];
    for (let i = 0; i < rows; i++) lines.push(`${i},"Søren, ${i % 7}"`);
    const path = file('big.csv', '\uFEFF' + lines.join('\r\n') + '\r\n');
    let count = 0;
    let last: string[] = [];
    let lastLine = 0;
    await readCsvFile(path, (fields, line) => {
      count++;
      last = fields;
      lastLine = line;
    });
    expect(count).toBe(rows + 1);
    expect(last).toEqual([`${rows - 1}`, `Søren, ${(rows - 1) % 7}`]);
    expect(lastLine).toBe(rows + 1);
  });

  it('reports a missing file and a CSV syntax error with file and line', async () => {
    const missing = await failure(readCsvFile(join(dir, 'nope.csv'), () => undefined));
    expect(missing.message).toBe(`${join(dir, 'nope.csv')}: no such file`);
    const bad = file('bad.csv', 'a,b\n1,"x\n');
    expect((await failure(readCsvFile(bad, () => undefined))).message).toMatch(/bad\.csv:2: unterminated quoted field/);
  });

  it('lets errors thrown by the callback through unchanged', async () => {
    const path = file('ok.csv', 'a\nb\n');
    const own = new RangeError('stop');
    await expect(
      readCsvFile(path, () => {
        throw own;
      }),
    ).rejects.toBe(own);
  });
});

describe('readCsvTable', () => {
  it('maps required columns and hands over data rows with their lines', async () => {
    const path = file('t.csv', 'x,stratum,citizen_id\n1,A,c1\n\n2,B,c2\n');
    const seen: string[] = [];
    const table = await readCsvTable(path, ['citizen_id', 'stratum'], (fields, line, t) => {
      seen.push(`${line}:${fields[t.index.citizen_id]!}/${fields[t.index.stratum]!}`);
    });
    expect(seen).toEqual(['2:c1/A', '4:c2/B']);
    expect(table).toEqual({ header: ['x', 'stratum', 'citizen_id'], index: { citizen_id: 2, stratum: 1 }, rows: 2 });
  });

  it('reports missing columns, wrong field counts and an empty file', async () => {
    const noStratum = file('n.csv', 'citizen_id\nc1\n');
    expect((await failure(readCsvTable(noStratum, ['citizen_id', 'stratum'], () => undefined))).message).toMatch(
      /n\.csv:1: missing column "stratum"/,
    );
    const ragged = file('r.csv', 'citizen_id,stratum\nc1,A\nc2\n');
    expect((await failure(readCsvTable(ragged, ['citizen_id'], () => undefined))).message).toMatch(
      /r\.csv:3: 1 field, but the header has 2/,
    );
    const empty = file('e.csv', '');
    expect((await failure(readCsvTable(empty, ['citizen_id'], () => undefined))).message).toMatch(
      /e\.csv: the file is empty/,
    );
  });
});
