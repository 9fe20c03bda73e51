// The weekly status of a citizen in an experiment's follow-up and the classes the outcome
// definitions use (see docs/evaluation.md).

import { WEEK_STATUSES, type WeekStatus } from '../vocabulary.js';

export { WEEK_STATUSES, type WeekStatus };

/** Status code = index in WEEK_STATUSES. */
export const STATUS_CODE: Readonly<Record<WeekStatus, number>> = {
  none: 0,
  active_measure: 1,
  internship: 2,
  subsidised_hours: 3,
  flexjob: 4,
  education: 5,
  ordinary_job: 6,
};

export const STATUS_COUNT = WEEK_STATUSES.length;

/** Employed week: ordinary job, flexjob or subsidised hours. */
export function isEmployed(code: number): boolean {
  return code === STATUS_CODE.ordinary_job || code === STATUS_CODE.flexjob || code === STATUS_CODE.subsidised_hours;
}

/** Active week: active measure, internship or education. */
export function isActive(code: number): boolean {
  return code === STATUS_CODE.active_measure || code === STATUS_CODE.internship || code === STATUS_CODE.education;
}

const CODES = new Map<string, number>(WEEK_STATUSES.map((s, i) => [s, i]));

/** Code of a status text, −1 when it is not a status. */
export function statusCode(text: string): number {
  return CODES.get(text) ?? -1;
}
