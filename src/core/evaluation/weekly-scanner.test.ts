import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CitizenIndex } from './citizen-index.js';
import { PanelAccumulator } from './panel.js';
import { ProblemList } from './problems.js';
import { STATUS_CODE, STATUS_COUNT } from './status.js';
import { WeeklyScanner } from './weekly-scanner.js';

const encoder = new TextEncoder();

function scan(text: string | Uint8Array, ids: readonly string[], cuts: readonly number[] = []) {
  const index = new CitizenIndex();
  for (const id of ids) index.add(id);
  const panel = new PanelAccumulator(index.count);
  const problems = new ProblemList();
  const scanner = new WeeklyScanner('weekly.csv', index, panel, problems);
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.push(bytes.subarray(from, cut));
    from = cut;
  }
  scanner.push(bytes.subarray(from));
  scanner.end();
  return { weeks: panel.result(), problems: problems.list(), panel, rows: scanner.rows };
}

describe('WeeklyScanner', () => {
  it('reads rows in any order and counts statuses per citizen', () => {
    const { weeks, problems } = scan('citizen_id,week,status\nB,2,ordinary_job\nA,1,none\nB,1,internship\nA,2,flexjob\nA,3,none\n', ['A', 'B']);
    expect(problems).toEqual([]);
    expect(Array.from(weeks.lastWeek)).toEqual([3, 2]);
    expect(Array.from(weeks.firstEmployed)).toEqual([2, 2]);
    expect(weeks.counts[STATUS_CODE.none]).toBe(2);
    expect(weeks.counts[STATUS_COUNT + STATUS_CODE.internship]).toBe(1);
  });

  it('accepts BOM, CRLF, quoted fields, other column orders and a last line without a break', () => {
    const text = '\uFEFFstatus,"week",citizen_id\r\n"ordinary_job",1,"A, the first"\r\nnone,"2","A, the first"\r\n"education",1,"B ""quoted""\nacross lines"\r\nnone,2,B';
    const { weeks, problems } = scan(text, ['A, the first', 'B "quoted"\nacross lines', 'B']);
    expect(problems).toEqual([]);
    expect(Array.from(weeks.lastWeek)).toEqual([2, 1, 2]);
    expect(weeks.counts[STATUS_COUNT + STATUS_CODE.education]).toBe(1);
  });

  it('gives the same result wherever the chunks are cut', () => {
    const text = 'citizen_id,week,status\r\n"A",1,none\r\nA,2,"flexjob"\r\nBé,1,internship\r\n"B""x",1,education\r\n';
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
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^weekly\.csv:2: unterminated quoted field/);
  });

  it('keeps weeks beyond the bitmask exact (long follow-up)', () => {
    const rows = Array.from({ length: 2000 }, (_, w) => `A,${w + 1},${w === 1500 ? 'ordinary_job' : 'none'}`);
    rows.splice(700, 1); // drop week 701
    const { weeks, panel, problems } = scan(['citizen_id,week,status', ...rows, 'A,1999,none'].join('\n'), ['A']);
    expect(problems).toEqual(['weekly.csv:2001: week 1999 of citizen_id "A" appears more than once']);
    expect(weeks.lastWeek[0]).toBe(2000);
    expect(weeks.firstEmployed[0]).toBe(1501);
    expect(panel.firstMissingWeek(0)).toBe(701);
  });
});
