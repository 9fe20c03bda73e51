// The report's curves by arm as rows a chart draws, a table shows and a sentence sums up:
// the share ever employed by week (1 − Kaplan–Meier survival) and the survival itself. Pure.
import type { CurvePoint } from '../../api/experiments.js';

export type CurveKey = 'cumulative_employed' | 'survival';

export interface CurveArm {
  arm: string;
  label: string;
  points: readonly CurvePoint[];
}

export interface CurveRow {
  arm: string;
  label: string;
  week: number;
  value: number;
  at_risk: number;
}

export function curveRows(arms: readonly CurveArm[], key: CurveKey): CurveRow[] {
  return arms.flatMap((arm) =>
    arm.points.map((point) => ({
      arm: arm.arm,
      label: arm.label,
      week: point.week,
      value: point[key],
      at_risk: point.at_risk,
    })),
  );
}

/** The longest follow-up any arm has a point for (0 when nobody has been followed a week). */
export function lastWeek(arms: readonly CurveArm[]): number {
  return Math.max(0, ...arms.flatMap((arm) => arm.points.map((point) => point.week)));
}

/**
 * Each arm's value at `week`: the last point at or before it, since a Kaplan–Meier curve
 * stays flat after an arm's last observed week. Null when the arm has no point that early.
 */
export function valueAt(arm: CurveArm, key: CurveKey, week: number): number | null {
  let found: number | null = null;
  for (const point of arm.points) if (point.week <= week) found = point[key];
  return found;
}

export interface WeekTable {
  weeks: number[];
  arms: { arm: string; label: string; values: (number | null)[] }[];
}

/** Week by week for the table alternative: every week from 0 to the last, one column per arm. */
export function weekTable(arms: readonly CurveArm[], key: CurveKey): WeekTable {
  const weeks = Array.from({ length: lastWeek(arms) + 1 }, (_, week) => week);
  return {
    weeks,
    arms: arms.map((arm) => ({ arm: arm.arm, label: arm.label, values: weeks.map((week) => valueAt(arm, key, week)) })),
  };
}
