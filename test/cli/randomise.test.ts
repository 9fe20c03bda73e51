// `medspiller randomise` end to end, against the shared contract (randomisation.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/core/csv/index.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
const ARMS = 'group1:2,group2:1,control:4';
const WEIGHTS: Record<string, number> = { group1: 2, group2: 1, control: 4 };

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'randomise-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

function randomise(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'randomise', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser((fields) => rows.push(fields));
  parser.push(text);
  parser.end();
  return rows;
}

/** A deterministic shuffle for building inputs (not the code under test). */
function shuffled<T>(items: readonly T[], salt: number): T[] {
  const out = [...items];
  let x = salt;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const STRATA = ['north', 'south', 'east', 'west'];
const ROWS = Array.from({ length: 400 }, (_, i) => ({
  id: `C${String((i * 37) % 1000).padStart(4, '0')}-${i}`,
  stratum: STRATA[i % 4]!,
  age: String(20 + (i % 40)),
}));

function citizensCsv(rows: readonly { id: string; stratum: string; age: string }[], eol = '\n'): string {
  return ['age,citizen_id,stratum', ...rows.map((r) => `${r.age},${r.id},${r.stratum}`)].join(eol) + eol;
}

describe('medspiller randomise: output', () => {
  it('allocates every citizen once, sorted by citizen_id, in complete blocks of m × weights', () => {
    const r = randomise('--citizens', file('c.csv', citizensCsv(ROWS)), '--arms', ARMS, '--seed', '2017');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout.charCodeAt(0)).not.toBe(0xfeff);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual(['citizen_id', 'arm', 'stratum', 'block']);
    const ids = rows.map((row) => row[0]!);
    expect(ids).toEqual(ROWS.map((x) => x.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const strataOf = new Map(ROWS.map((x) => [x.id, x.stratum]));
    for (const row of rows) {
      expect(row[2]).toBe(strataOf.get(row[0]!));
      expect(Object.keys(WEIGHTS)).toContain(row[1]);
    }
    for (const stratum of STRATA) {
      const mine = rows.filter((row) => row[2] === stratum);
      const blocks = mine.map((row) => Number(row[3]));
      // Blocks run 1, 2, … in citizen_id order.
      expect(blocks).toEqual([...blocks].sort((a, b) => a - b));
      expect(blocks[0]).toBe(1);
      const last = Math.max(...blocks);
      for (let b = 1; b <= last; b++) {
        const inBlock = mine.filter((row) => Number(row[3]) === b);
        const size = inBlock.length;
        if (b < last) {
          expect([7, 14, 21]).toContain(size);
          for (const [arm, w] of Object.entries(WEIGHTS))
            expect(inBlock.filter((row) => row[1] === arm).length).toBe((size / 7) * w);
        } else {
          expect(size).toBeGreaterThan(0);
          expect(size).toBeLessThanOrEqual(21);
        }
      }
    }
  });

  it('is byte-identical whatever the order of rows and columns, BOM or CRLF', () => {
    const base = randomise('--citizens', file('base.csv', citizensCsv(ROWS)), '--arms', ARMS, '--seed', '2017').stdout;
    const shuffledRows = file('shuffled.csv', '\uFEFF' + citizensCsv(shuffled(ROWS, 99), '\r\n'));
    expect(randomise('--citizens', shuffledRows, '--arms', ARMS, '--seed', '2017').stdout).toBe(base);
    const otherColumns = file(
      'columns.csv',
      ['stratum,citizen_id', ...shuffled(ROWS, 7).map((x) => `${x.stratum},${x.id}`)].join('\n'),
    );
    expect(randomise('--citizens', otherColumns, '--arms', ARMS, '--seed', '2017').stdout).toBe(base);
    // The order in which arms are listed does not matter either.
    expect(
      randomise('--citizens', shuffledRows, '--arms', 'control:4,group1:2,group2:1', '--seed', '2017').stdout,
    ).toBe(base);
  });

  it('gives another allocation for another seed', () => {
    const input = file('seeds.csv', citizensCsv(ROWS));
    const a = randomise('--citizens', input, '--arms', ARMS, '--seed', '2017').stdout;
    const b = randomise('--citizens', input, '--arms', ARMS, '--seed', '2018').stdout;
    expect(a).not.toBe(b);
    expect(parseCsv(a).map((row) => row[0])).toEqual(parseCsv(b).map((row) => row[0]));
  });

  it('quotes fields where RFC 4180 needs it and reads quoted input', () => {
    const input = file(
      'quoted.csv',
      'citizen_id,stratum\r\n"b,1","Nord, ""Syd"""\r\na,plain\r\n"multi\nline",plain\r\n',
    );
    const r = randomise('--citizens', input, '--arms', 'x:1,y:1', '--seed', 's');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('citizen_id,arm,stratum,block');
    expect(lines[1]).toMatch(/^a,[xy],plain,1$/);
    expect(lines[2]).toMatch(/^"b,1",[xy],"Nord, ""Syd""",1$/);
    expect(
      parseCsv(r.stdout)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['a', 'b,1', 'multi\nline']);
  });

  it('reads the stratum from --strata-column and prints only the header for no citizens', () => {
    const input = file('region.csv', 'citizen_id,region\n1,A\n2,B\n');
    const r = randomise('--citizens', input, '--arms', ARMS, '--seed', '7', '--strata-column', 'region');
    expect(r.status).toBe(0);
    expect(parseCsv(r.stdout).map((row) => row[2])).toEqual(['stratum', 'A', 'B']);
    const empty = randomise('--citizens', file('none.csv', 'citizen_id,stratum\n'), '--arms', ARMS, '--seed', '7');
    expect([empty.status, empty.stdout]).toEqual([0, 'citizen_id,arm,stratum,block\n']);
  });

  it('prints help', () => {
    const r = randomise('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--strata-column');
  });
});

describe('medspiller randomise: bad input gives exit 2, empty stdout and a message', () => {
  const good = (): string => file('good.csv', 'citizen_id,stratum\nc1,A\nc2,A\n');
  const cases: [string, () => string[], RegExp][] = [
    [
      'duplicate citizen_id',
      () => ['--citizens', file('dup.csv', 'citizen_id,stratum\nc1,A\nc2,A\nc1,B\n'), '--arms', ARMS, '--seed', '1'],
      /dup\.csv:4: citizen_id "c1" appears more than once \(first on line 2\)/,
    ],
    [
      'empty citizen_id',
      () => ['--citizens', file('empty-id.csv', 'citizen_id,stratum\nc1,A\n,A\n'), '--arms', ARMS, '--seed', '1'],
      /empty-id\.csv:3: citizen_id is empty/,
    ],
    [
      'missing citizen_id column',
      () => ['--citizens', file('no-id.csv', 'id,stratum\nc1,A\n'), '--arms', ARMS, '--seed', '1'],
      /missing column "citizen_id"/,
    ],
    [
      'missing strata column',
      () => ['--citizens', file('no-stratum.csv', 'citizen_id,group\nc1,A\n'), '--arms', ARMS, '--seed', '1'],
      /missing column "stratum"/,
    ],
    [
      'missing named strata column',
      () => ['--citizens', good(), '--arms', ARMS, '--seed', '1', '--strata-column', 'region'],
      /missing column "region"/,
    ],
    [
      'weight zero',
      () => ['--citizens', good(), '--arms', 'a:0,b:1', '--seed', '1'],
      /weight "0" of arm "a" is not a positive integer/,
    ],
    [
      'weight not an integer',
      () => ['--citizens', good(), '--arms', 'a:1.5,b:1', '--seed', '1'],
      /not a positive integer/,
    ],
    ['negative weight', () => ['--citizens', good(), '--arms', 'a:-2,b:1', '--seed', '1'], /not a positive integer/],
    [
      'malformed --arms',
      () => ['--citizens', good(), '--arms', 'a2,b:1', '--seed', '1'],
      /not of the form name:weight/,
    ],
    ['duplicate arm names', () => ['--citizens', good(), '--arms', 'a:1,a:2', '--seed', '1'], /listed more than once/],
    ['one arm', () => ['--citizens', good(), '--arms', 'a:1', '--seed', '1'], /at least two arms/],
    ['no --arms', () => ['--citizens', good(), '--seed', '1'], /--arms is required/],
    ['no --seed', () => ['--citizens', good(), '--arms', ARMS], /--seed is required/],
    ['empty --seed', () => ['--citizens', good(), '--arms', ARMS, '--seed', ''], /--seed must not be empty/],
    ['no --citizens', () => ['--arms', ARMS, '--seed', '1'], /--citizens FILE is required/],
    [
      'missing file',
      () => ['--citizens', path.join(dir, 'absent.csv'), '--arms', ARMS, '--seed', '1'],
      /absent\.csv: no such file/,
    ],
    [
      'unterminated quote',
      () => ['--citizens', file('open.csv', 'citizen_id,stratum\nc1,A\n"c2,A\n'), '--arms', ARMS, '--seed', '1'],
      /open\.csv:3: unterminated quoted field/,
    ],
    [
      'text after a closing quote',
      () => ['--citizens', file('after.csv', 'citizen_id,stratum\n"c1"x,A\n'), '--arms', ARMS, '--seed', '1'],
      /after\.csv:2: text after the closing quote/,
    ],
    [
      'row with too few fields',
      () => ['--citizens', file('short.csv', 'citizen_id,stratum\nc1\n'), '--arms', ARMS, '--seed', '1'],
      /short\.csv:2: 1 field, but the header has 2/,
    ],
    ['empty file', () => ['--citizens', file('blank.csv', ''), '--arms', ARMS, '--seed', '1'], /the file is empty/],
    ['unknown option', () => ['--citizens', good(), '--arms', ARMS, '--seed', '1', '--sead', '2'], /sead/],
    ['stray argument', () => ['--citizens', good(), '--arms', ARMS, '--seed', '1', 'extra'], /extra/],
  ];
  it('lists at most 20 citizen_id problems, by line, and counts the rest', () => {
    const input = file('many.csv', ['citizen_id,stratum', ...Array.from({ length: 31 }, () => 'same,A')].join('\n'));
    const r = randomise('--citizens', input, '--arms', ARMS, '--seed', '1');
    expect([r.status, r.stdout]).toEqual([2, '']);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/many\.csv:3: citizen_id "same" appears more than once \(first on line 2\)/);
    expect(lines[20]).toMatch(/many\.csv: … and 10 more problems with citizen_id/);
  });

  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = randomise(...args());
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });
  }
});
