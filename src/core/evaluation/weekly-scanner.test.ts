import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvRow } from '../csv/index.js';
import { ExperimentInput } from './experiment-input.js';
import { STATUS_CODE, STATUS_COUNT } from './status.js';

const encoder = new TextEncoder();

/** Citizens `ids` (arm T) and the weekly text pushed in pieces cut at `cuts`. */
function scan(text: string | Uint8Array, ids: readonly string[], cuts: readonly number[] = []) {
  const input = new ExperimentInput('citizens.csv', 'weekly.csv');
  input.citizenRecord(['citizen_id', 'arm', 'stratum', 'age', 'years_unemployed'], 1);
  ids.forEach((id, k) => {
    input.citizenRecord([id, 'T', 's', '1', '1'], k + 2);
  });
  input.endCitizens();
  const scanner = input.weekly();
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.push(bytes.subarray(from, cut));
    from = cut;
  }
  scanner.push(bytes.subarray(from));
  const data = input.finish();
  return { weeks: data?.weeks, problems: input.problems.list(), rows: scanner.rowCount };
}

describe('WeeklyScanner', () => {
  it('reads rows in any order and counts statuses per citizen', () => {
    const { weeks, problems } = scan(
      'citizen_id,week,status\nB,2,ordinary_job\nA,1,none\nB,1,internship\nA,2,flexjob\nA,3,none\n',
      ['A', 'B'],
    );
    expect(problems).toEqual([]);
    expect(Array.from(weeks!.lastWeek)).toEqual([3, 2]);
    expect(Array.from(weeks!.firstEmployed)).toEqual([2, 2]);
    expect(weeks!.counts[STATUS_CODE.none]).toBe(2);
    expect(weeks!.counts[STATUS_COUNT + STATUS_CODE.internship]).toBe(1);
  });

  it('accepts BOM, CRLF, quoted fields, other column orders and a last line without a break', () => {
    const text =
      '\uFEFFstatus,"week",citizen_id\r\n"ordinary_job",1,"A, the first"\r\nnone,"2","A, the first"\r\n"education",1,"B ""quoted""\nacross lines"\r\nnone,2,B\r\nnone,1,B';
    const { weeks, problems } = scan(text, ['A, the first', 'B "quoted"\nacross lines', 'B']);
    expect(problems).toEqual([]);
    expect(Array.from(weeks!.lastWeek)).toEqual([2, 1, 2]);
    expect(weeks!.counts[STATUS_COUNT + STATUS_CODE.education]).toBe(1);
  });

  it('gives the same result wherever the chunks are cut', () => {
    const text =
      'citizen_id,week,status\r\n"A",1,none\r\nA,2,"flexjob"\r\nBé,1,internship\r\n"B""x",1,education\r\nBé,2,none';
    const ids = ['A', 'Bé', 'B"x'];
    const whole = scan(text, ids);
    const bytes = encoder.encode(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 }), (cuts) => {
        const parts = scan(bytes, ids, cuts);
        expect(parts.problems).toEqual([]);
        expect(parts.weeks).toEqual(whole.weeks);
      }),
    );
  });

  it('reports each bad cell with file, line and column', () => {
    const text = [
      'citizen_id,week,status',
      'A,1,none',
      'X,1,none',
      'A,0,none',
      'A,2.5,none',
      'A,,none',
      'A,2,job',
      'A,1,flexjob',
      'A,2',
      ',3,none',
    ].join('\n');
    const { problems } = scan(text, ['A']);
    expect(problems).toEqual([
      'weekly.csv:3: citizen_id "X" is not in citizens.csv',
      'weekly.csv:4: week "0" is below 1',
      'weekly.csv:5: week "2.5" is not a whole number',
      'weekly.csv:6: week is empty (a whole number ≥ 1 is required)',
      'weekly.csv:7: status "job" is not one of none, active_measure, internship, subsidised_hours, flexjob, education, ordinary_job',
      'weekly.csv:8: week 1 of citizen_id "A" appears more than once',
      'weekly.csv:9: 2 fields, but the header has 3',
      'weekly.csv:10: citizen_id is empty',
    ]);
  });

  it('reports missing columns and stops', () => {
    const { problems, rows } = scan('citizen_id,wk,status\nA,1,none\n', ['A']);
    expect(problems).toEqual(['weekly.csv:1: missing column "week" (header: citizen_id, wk, status)']);
    expect(rows).toBe(0);
  });

  it('reports an unclosed quote at the end of the file', () => {
    const { problems } = scan('citizen_id,week,status\nA,1,"none\n', ['A']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^weekly\.csv:2: unterminated quoted field/);
    expect(problems[1]).toBe('citizens.csv:2: citizen_id "A" has no rows in weekly.csv');
  });

  it('keeps weeks beyond the bitmask exact (long follow-up)', () => {
    const rows = Array.from({ length: 2000 }, (_, w) => `A,${w + 1},${w === 1500 ? 'ordinary_job' : 'none'}`);
    rows.splice(700, 1); // drop week 701
    const { problems } = scan(
      ['citizen_id,week,status', ...rows, 'A,1999,none', 'B,1800,none', 'B,1,none'].join('\n'),
      ['A', 'B'],
    );
    expect(problems).toEqual([
      'weekly.csv:2001: week 1999 of citizen_id "A" appears more than once',
      'citizens.csv:2: citizen_id "A" has weeks up to 2000 in weekly.csv but no week 701 (weeks must run 1..L without gaps)',
      'citizens.csv:3: citizen_id "B" has weeks up to 1800 in weekly.csv but no week 2 (weeks must run 1..L without gaps)',
    ]);
  });

  it('matches many citizens in shuffled order exactly (partitioned lookups)', () => {
    const n = 3000;
    const ids = Array.from({ length: n }, (_, i) => `id-${(i * 7919) % n}-${'x'.repeat(i % 20)}`);
    const lines: string[] = [];
    ids.forEach((id, i) => {
      for (let w = 1; w <= 3; w++)
        lines.push(formatCsvRow([id, String(w), w === 2 && i % 3 === 0 ? 'flexjob' : 'none']));
    });
    // Deterministic shuffle.
    for (let i = lines.length - 1, x = 1; i > 0; i--) {
      x = (Math.imul(x, 48271) + 11) >>> 0;
      const j = x % (i + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    const { weeks, problems } = scan(['citizen_id,week,status', ...lines, 'nobody,1,none'].join('\n'), ids);
    expect(problems).toEqual([`weekly.csv:${3 * n + 2}: citizen_id "nobody" is not in citizens.csv`]);
    expect(weeks).toBeUndefined();
    const clean = scan(['citizen_id,week,status', ...lines].join('\n'), ids);
    expect(clean.problems).toEqual([]);
    ids.forEach((_, i) => {
      expect(clean.weeks!.lastWeek[i]).toBe(3);
      expect(clean.weeks!.firstEmployed[i]).toBe(i % 3 === 0 ? 2 : 0);
    });
  });
});

describe('WeeklyScanner on quoted rows', () => {
  it('reads fields wrapped in quotes the way R write.csv writes them, cut anywhere', () => {
    const text =
      '"citizen_id","week","status"\n"A",1,"none"\n"A","2","ordinary_job"\r\n"B, x",1,"internship"\n"B, x",2,none\n';
    const bytes = new TextEncoder().encode(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 6 }), (cuts) => {
        const { weeks, problems } = scan(bytes, ['A', 'B, x'], cuts);
        expect(problems).toEqual([]);
        expect(Array.from(weeks!.lastWeek)).toEqual([2, 2]);
        expect(Array.from(weeks!.firstEmployed)).toEqual([2, 0]);
        expect(weeks!.counts[STATUS_COUNT + STATUS_CODE.internship]).toBe(1);
      }),
    );
  });

  it('leaves half-quoted cells to the general parser', () => {
    // The quote opened on line 2 closes on line 3 and is followed by more text.
    const { problems } = scan('citizen_id,week,status\nA,"1,none\nA,1,"none\n', ['A']);
    expect(problems[0]).toBe('weekly.csv:3: text after the closing quote of a quoted field');
    expect(scan('citizen_id,week,status\n"A"x,1,none\n', ['A']).problems[0]).toBe(
      'weekly.csv:2: text after the closing quote of a quoted field',
    );
  });
});
