import { describe, it, expect } from 'vitest';
import type { CurvePoint } from '../../api/experiments.js';
import { curveRows, lastWeek, valueAt, weekTable, type CurveArm } from './curves.js';

const point = (week: number, survival: number, atRisk: number): CurvePoint => ({
  week,
  survival,
  cumulative_employed: 1 - survival,
  at_risk: atRisk,
});

// Four in group 1: one job in week 2, one in week 3. Two in control, one censored after week 1.
const ARMS: CurveArm[] = [
  {
    arm: 'group1',
    label: 'Indsatsgruppe',
    points: [point(0, 1, 4), point(1, 1, 4), point(2, 0.75, 4), point(3, 0.5, 3)],
  },
  { arm: 'control', label: 'Kontrolgruppe', points: [point(0, 1, 2), point(1, 1, 2)] },
];

describe('curves', () => {
  it('makes one row per arm and week with the value asked for', () => {
    const rows = curveRows(ARMS, 'cumulative_employed');
    expect(rows).toHaveLength(6);
    expect(rows[3]).toEqual({ arm: 'group1', label: 'Indsatsgruppe', week: 3, value: 0.5, at_risk: 3 });
    expect(curveRows(ARMS, 'survival')[2]?.value).toBe(0.75);
  });

  it('holds an arm flat after its last week, as a Kaplan–Meier curve does', () => {
    const control = ARMS[1];
    if (control === undefined) throw new Error('no control arm');
    expect(lastWeek(ARMS)).toBe(3);
    expect(valueAt(control, 'survival', 3)).toBe(1);
    expect(valueAt({ ...control, points: [] }, 'survival', 3)).toBeNull();
    expect(lastWeek([])).toBe(0);
  });

  it('lays the weeks out as a table, one column per arm', () => {
    expect(weekTable(ARMS, 'cumulative_employed')).toEqual({
      weeks: [0, 1, 2, 3],
      arms: [
        { arm: 'group1', label: 'Indsatsgruppe', values: [0, 0, 0.25, 0.5] },
        { arm: 'control', label: 'Kontrolgruppe', values: [0, 0, 0, 0] },
      ],
    });
  });
});
