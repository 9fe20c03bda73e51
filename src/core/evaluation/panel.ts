// Per-citizen state built from weekly rows arriving in any order. A million citizens × 104
// weeks must fit in little memory and stay fast when rows come shuffled, so each citizen's
// state is one small record in a single Int32Array (one or two cache lines): the weeks per
// status, the first employed week, the last week, the number of distinct weeks and a bitmask
// of the weeks seen. At the end the bitmask proves weeks 1..L are each present once.
import { isEmployed, STATUS_COUNT } from './status.js';

const FIRST_EMPLOYED = STATUS_COUNT;
const LAST_WEEK = STATUS_COUNT + 1;
const WEEKS_SEEN = STATUS_COUNT + 2;
const BITMASK = STATUS_COUNT + 3;
/** Record sizes tried in turn as weeks grow; weeks beyond the largest go to a Set. */
const STRIDES = [16, 32, 64] as const;
const MAX_STRIDE = 64;

export type WeekProblem = 'duplicate' | null;

/** What each citizen's weekly rows add up to. */
export interface CitizenWeeks {
  /** Rows per status and citizen: counts[i * STATUS_COUNT + status]. */
  readonly counts: Int32Array;
  /** First employed week, 0 when none. */
  readonly firstEmployed: Int32Array;
  /** Last observed week L (the number of weeks when there is no gap), 0 when none. */
  readonly lastWeek: Int32Array;
  /** Distinct weeks seen. */
  readonly weeksSeen: Int32Array;
}

export class PanelAccumulator {
  private readonly n: number;
  private stride: number = STRIDES[0];
  private state: Int32Array;
  private readonly far = new Map<number, Set<number>>();

  constructor(citizens: number) {
    this.n = citizens;
    this.state = new Int32Array(citizens * this.stride);
  }

  private get bitmaskWeeks(): number {
    return (this.stride - BITMASK) * 32;
  }

  /** Records week `week` (integer ≥ 1) with status code `status` for the citizen at `citizen`. */
  add(citizen: number, week: number, status: number): WeekProblem {
    if (week > this.bitmaskWeeks && this.stride < MAX_STRIDE) this.grow(week);
    const state = this.state;
    const base = citizen * this.stride;
    if (week <= this.bitmaskWeeks) {
      const at = base + BITMASK + ((week - 1) >>> 5);
      const bit = 1 << ((week - 1) & 31);
      const word = state[at]!;
      if ((word & bit) !== 0) return 'duplicate';
      state[at] = word | bit;
    } else {
      let set = this.far.get(citizen);
      if (set === undefined) this.far.set(citizen, (set = new Set()));
      if (set.has(week)) return 'duplicate';
      set.add(week);
    }
    state[base + status]!++;
    state[base + WEEKS_SEEN]!++;
    if (week > state[base + LAST_WEEK]!) state[base + LAST_WEEK] = week;
    if (isEmployed(status)) {
      const first = state[base + FIRST_EMPLOYED]!;
      if (first === 0 || week < first) state[base + FIRST_EMPLOYED] = week;
    }
    return null;
  }

  /** The first week in 1..L missing for a citizen, or 0 when weeks 1..L are all there. */
  firstMissingWeek(citizen: number): number {
    const base = citizen * this.stride;
    const last = this.state[base + LAST_WEEK]!;
    if (this.state[base + WEEKS_SEEN] === last) return 0;
    for (let week = 1; week <= last; week++) {
      const present =
        week <= this.bitmaskWeeks
          ? (this.state[base + BITMASK + ((week - 1) >>> 5)]! & (1 << ((week - 1) & 31))) !== 0
          : this.far.get(citizen)?.has(week) === true;
      if (!present) return week;
    }
    return 0;
  }

  /** Per-citizen totals; `order[position]` says which citizen each record belongs to. */
  result(order?: Int32Array): CitizenWeeks {
    const { n, stride, state } = this;
    const counts = new Int32Array(n * STATUS_COUNT);
    const firstEmployed = new Int32Array(n);
    const lastWeek = new Int32Array(n);
    const weeksSeen = new Int32Array(n);
    for (let position = 0; position < n; position++) {
      const base = position * stride;
      const i = order === undefined ? position : order[position]!;
      counts.set(state.subarray(base, base + STATUS_COUNT), i * STATUS_COUNT);
      firstEmployed[i] = state[base + FIRST_EMPLOYED]!;
      lastWeek[i] = state[base + LAST_WEEK]!;
      weeksSeen[i] = state[base + WEEKS_SEEN]!;
    }
    return { counts, firstEmployed, lastWeek, weeksSeen };
  }

  private grow(week: number): void {
    const stride = STRIDES.find((s) => (s - BITMASK) * 32 >= week) ?? MAX_STRIDE;
    const state = new Int32Array(this.n * stride);
    for (let i = 0; i < this.n; i++) state.set(this.state.subarray(i * this.stride, (i + 1) * this.stride), i * stride);
    this.state = state;
    this.stride = stride;
  }
}
