// Weekly outcomes from status periods. Follow-up week 1 is the ISO week (Monday–Sunday) in
// which the citizen was enrolled; a week counts once it has ended before the follow-up end
// (today, or the day attrition ended follow-up), up to the design's follow-up length.
// When periods overlap a week, the status highest in this order wins:
export const PRECEDENCE = [
  'none',
  'active_measure',
  'internship',
  'education',
  'subsidised_hours',
  'flexjob',
  'ordinary_job',
] as const;
export type WeekStatus = (typeof PRECEDENCE)[number];

const DAY_MS = 86_400_000;
const toDays = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const toDate = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  const days = toDays(date);
  const weekday = (new Date(days * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return toDate(days - weekday);
}

/** Completed follow-up weeks: weeks from the enrolment week that ended before `end`, at most `followUp`. */
export function observedWeeks(enrolledOn: string, end: string, followUp: number): number {
  const elapsed = Math.floor((toDays(end) - toDays(mondayOf(enrolledOn))) / 7);
  return Math.max(0, Math.min(followUp, elapsed));
}

export interface Period {
  status: Exclude<WeekStatus, 'none'>;
  start: string;
  end: string | null;
}

/** The status of each follow-up week 1..weeks (index 0 = week 1). */
export function weeklyStatuses(enrolledOn: string, weeks: number, periods: readonly Period[]): WeekStatus[] {
  const monday = toDays(mondayOf(enrolledOn));
  const out: WeekStatus[] = [];
  for (let k = 0; k < weeks; k++) {
    const from = monday + 7 * k;
    const to = from + 6;
    let best = 0;
    for (const p of periods) {
      const starts = toDays(p.start);
      const ends = p.end === null ? Number.POSITIVE_INFINITY : toDays(p.end);
      if (starts <= to && ends >= from) best = Math.max(best, PRECEDENCE.indexOf(p.status));
    }
    out.push(PRECEDENCE[best] ?? 'none');
  }
  return out;
}
