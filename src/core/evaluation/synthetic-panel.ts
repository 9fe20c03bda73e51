// A deterministic synthetic experiment panel shaped like the Vordingborg trial (three arms,
// few jobs, more internships and flexjobs in group 1, some citizens leaving follow-up early),
// written as citizens.csv and weekly.csv text. Used by the benchmark and the CLI tests; the
// same options always give the same bytes.
import type { WeekStatus } from './status.js';

export interface SyntheticPanelOptions {
  readonly citizens: number;
  readonly weeks: number;
  readonly seed: number;
  /**
   * 'citizen': all weeks of one citizen together; 'week': week 1 of everyone, then week 2, …;
   * 'shuffled': every row at a pseudo-random place (an affine permutation of citizen × week).
   */
  readonly order: 'citizen' | 'week' | 'shuffled';
}

/** One mulberry32 step on `state[i]`: a small, fast, reproducible PRNG per citizen. */
function next(state: Uint32Array, i: number): number {
  const a = (state[i]! + 0x6d2b79f5) >>> 0;
  state[i] = a;
  let t = Math.imul(a ^ (a >>> 15), a | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function prng(seed: number): () => number {
  const state = Uint32Array.of(seed >>> 0);
  return () => next(state, 0);
}

const ARMS = ['group1', 'group2', 'control'] as const;
const STRATA = ['under30-short', 'under30-long', 'over30-short', 'over30-long'] as const;

interface Profile {
  readonly arm: 0 | 1 | 2;
  readonly stratum: number;
  readonly age: number;
  readonly yearsUnemployed: number;
  readonly children: number;
  /** Last observed week (follow-up length). */
  readonly last: number;
}

function profile(index: number, options: SyntheticPanelOptions): Profile {
  const random = prng(options.seed * 1_000_003 + index);
  const u = random();
  const arm = u < 0.27 ? 0 : u < 0.4 ? 1 : 2;
  const age = 18 + Math.floor(random() * 47);
  const yearsUnemployed = Math.round(random() * (arm === 0 ? 90 : 75)) / 10;
  const stratum = (age < 30 ? 0 : 2) + (yearsUnemployed >= 3 ? 1 : 0);
  const children = random() < 0.35 ? 1 : 0;
  const last = random() < 0.1 ? 1 + Math.floor(random() * (options.weeks - 1)) : options.weeks;
  return { arm, stratum, age, yearsUnemployed, children, last };
}

export function citizenId(index: number): string {
  return `C${String(index + 1).padStart(7, '0')}`;
}

/** citizens.csv: `citizen_id,arm,stratum,age,years_unemployed,children`. */
export function* syntheticCitizensCsv(options: SyntheticPanelOptions): Generator<string> {
  let text = 'citizen_id,arm,stratum,age,years_unemployed,children\n';
  for (let i = 0; i < options.citizens; i++) {
    const p = profile(i, options);
    text += `${citizenId(i)},${ARMS[p.arm]},${STRATA[p.stratum]},${p.age},${p.yearsUnemployed},${p.children}\n`;
    if (text.length > 1 << 20) {
      yield text;
      text = '';
    }
  }
  yield text;
}

const STATUSES: readonly WeekStatus[] = [
  'none',
  'active_measure',
  'internship',
  'subsidised_hours',
  'flexjob',
  'education',
  'ordinary_job',
];

// Cumulative probabilities of the status drawn when a citizen leaves the current one, for
// group 1 (more internships, flexjobs and jobs) and for the other arms.
const MOVES: readonly (readonly [number, number][])[] = [
  [
    [6, 0.012],
    [4, 0.022],
    [3, 0.04],
    [2, 0.1],
    [5, 0.14],
    [1, 0.45],
  ],
  [
    [6, 0.008],
    [4, 0.012],
    [3, 0.028],
    [2, 0.07],
    [5, 0.11],
    [1, 0.35],
  ],
];
const STAY = [0.9, 0.8, 0.85, 0.9, 0.97, 0.9, 0.95];

function nextStatus(current: number, arm: number, state: Uint32Array, i: number): number {
  if (next(state, i) < STAY[current]!) return current;
  const u = next(state, i);
  for (const [status, upTo] of MOVES[arm === 0 ? 0 : 1]!) if (u < upTo) return status;
  return 0;
}

/** weekly.csv: `citizen_id,week,status`, in the order the options ask for. */
export function* syntheticWeeklyCsv(options: SyntheticPanelOptions): Generator<string> {
  const n = options.citizens;
  const weeks = options.weeks;
  const last = Int32Array.from({ length: n }, (_, i) => profile(i, options).last);
  const arm = Uint8Array.from({ length: n }, (_, i) => profile(i, options).arm);
  const state = Uint32Array.from({ length: n }, (_, i) => options.seed * 7_919 + i * 31 + 1);
  // Statuses are drawn citizen by citizen, week by week, whatever order the rows are written in.
  const trajectory = (i: number): Uint8Array => {
    const statuses = new Uint8Array(weeks);
    let current = 0;
    for (let w = 0; w < last[i]!; w++) statuses[w] = current = nextStatus(current, arm[i]!, state, i);
    return statuses;
  };
  let text = 'citizen_id,week,status\n';
  if (options.order === 'citizen') {
    for (let i = 0; i < n; i++) {
      const statuses = trajectory(i);
      for (let week = 1; week <= last[i]!; week++)
        text += `${citizenId(i)},${week},${STATUSES[statuses[week - 1]!]!}\n`;
      if (text.length > 1 << 20) {
        yield text;
        text = '';
      }
    }
    yield text;
    return;
  }
  const all = new Uint8Array(n * weeks);
  for (let i = 0; i < n; i++) all.set(trajectory(i), i * weeks);
  const total = n * weeks;
  // k ↦ (a·k + b) mod total is a permutation when gcd(a, total) = 1; a·k stays below 2^53.
  let a = options.order === 'week' ? 1 : Math.floor(total * 0.6180339887) | 1;
  while (gcd(a, total) !== 1) a += 2;
  for (let k = 0; k < total; k++) {
    const cell = options.order === 'week' ? (k % n) * weeks + Math.floor(k / n) : (a * k + 12_345) % total;
    const i = Math.floor(cell / weeks);
    const week = (cell % weeks) + 1;
    if (week > last[i]!) continue;
    text += `${citizenId(i)},${week},${STATUSES[all[cell]!]!}\n`;
    if (text.length > 1 << 20) {
      yield text;
      text = '';
    }
  }
  yield text;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
