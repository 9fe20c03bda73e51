// The design form's state as typed text, and the way from it to a design the API takes. Pure:
// what is wrong comes back as message codes per field (the API's own field paths), so the
// form and the server's answers share one set of field names.
import { CATEGORIES, OUTCOMES, type Category, type Outcome } from '../../../core/vocabulary.js';
import type { Arm, Design } from '../../api/experiments.js';

export interface ArmDraft {
  /** Stable React key: rows come and go. */
  key: number;
  name: string;
  label: string;
  weight: string;
  description: string;
  caseload_cap: string;
  /** Parts of an arm the form does not edit, kept as they were. */
  kept: Pick<Arm, 'self_budget_ore' | 'meeting_modes'>;
}

export interface DesignDraft {
  name: string;
  question: string;
  arms: ArmDraft[];
  control_arm: string;
  categories: Category[];
  min_age: string;
  max_age: string;
  min_benefit_years: string;
  max_benefit_years: string;
  age_cuts: string;
  benefit_year_cuts: string;
  follow_up_weeks: string;
  primary_outcome: string;
  secondary_outcomes: Outcome[];
  consent_required: boolean;
}

export const MAX_ARMS = 6;
export const MIN_ARMS = 2;

export type DraftError =
  'required' | 'armCode' | 'wholeNumber' | 'number' | 'cutList' | 'chooseControl' | 'chooseOutcome' | 'minAboveMax';

/** An error on a field: the API path it belongs to, what is wrong, and the limits to name. */
export interface FieldError {
  path: string;
  error: DraftError;
  min?: number;
  max?: number;
}

let nextKey = 1;

export function emptyArm(): ArmDraft {
  nextKey += 1;
  return { key: nextKey, name: '', label: '', weight: '1', description: '', caseload_cap: '', kept: {} };
}

export function emptyDraft(): DesignDraft {
  return {
    name: '',
    question: '',
    arms: [emptyArm(), emptyArm()],
    control_arm: '',
    categories: [],
    min_age: '',
    max_age: '',
    min_benefit_years: '',
    max_benefit_years: '',
    age_cuts: '',
    benefit_year_cuts: '',
    follow_up_weeks: '',
    primary_outcome: '',
    secondary_outcomes: [],
    consent_required: false,
  };
}

const text = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

export function draftOf(design: Design): DesignDraft {
  const e = design.eligibility;
  return {
    name: design.name,
    question: design.question,
    arms: design.arms.map((arm) => {
      const kept: ArmDraft['kept'] = {};
      if (arm.self_budget_ore !== undefined && arm.self_budget_ore !== null) kept.self_budget_ore = arm.self_budget_ore;
      if (arm.meeting_modes !== undefined) kept.meeting_modes = arm.meeting_modes;
      return {
        ...emptyArm(),
        name: arm.name,
        label: arm.label,
        weight: String(arm.weight),
        description: arm.description,
        caseload_cap: text(arm.caseload_cap),
        kept,
      };
    }),
    control_arm: design.control_arm,
    categories: [...e.categories],
    min_age: text(e.min_age),
    max_age: text(e.max_age),
    min_benefit_years: text(e.min_benefit_years),
    max_benefit_years: text(e.max_benefit_years),
    age_cuts: design.strata.age_cuts.join(', '),
    benefit_year_cuts: design.strata.benefit_year_cuts.join(', '),
    follow_up_weeks: String(design.follow_up_weeks),
    primary_outcome: design.primary_outcome,
    secondary_outcomes: [...design.secondary_outcomes],
    consent_required: design.consent_required,
  };
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(?:[.,]\d+)?$/;
const ARM_CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** The comma-separated limits of a stratification ("40, 50"); null when one is not a number. */
export function parseCuts(value: string, whole: boolean): number[] | null {
  const items = value
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const numbers: number[] = [];
  for (const item of items) {
    if (!(whole ? WHOLE : /^\d+(?:\.\d+)?$/).test(item)) return null;
    numbers.push(Number(item));
  }
  return numbers;
}

class Reader {
  readonly errors: FieldError[] = [];

  required(path: string, value: string): string {
    const trimmed = value.trim();
    if (trimmed === '') this.errors.push({ path, error: 'required' });
    return trimmed;
  }

  /** A whole number within the limits; `optional` lets an empty field through as null. */
  whole(path: string, value: string, min: number, max: number, optional: boolean): number | null {
    const trimmed = value.trim();
    if (trimmed === '') {
      if (!optional) this.errors.push({ path, error: 'required' });
      return null;
    }
    const parsed = Number(trimmed);
    if (!WHOLE.test(trimmed) || parsed < min || parsed > max) {
      this.errors.push({ path, error: 'wholeNumber', min, max });
      return null;
    }
    return parsed;
  }

  /** A number (decimal point or comma) within the limits, or null when left empty. */
  decimal(path: string, value: string, min: number, max: number): number | null {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    const parsed = Number(trimmed.replace(',', '.'));
    if (!DECIMAL.test(trimmed) || parsed < min || parsed > max) {
      this.errors.push({ path, error: 'number', min, max });
      return null;
    }
    return parsed;
  }

  cuts(path: string, value: string, whole: boolean, min: number, max: number): number[] {
    const cuts = parseCuts(value, whole);
    if (cuts === null || cuts.length > 6 || cuts.some((cut) => cut < min || cut > max)) {
      this.errors.push({ path, error: 'cutList', min, max });
      return [];
    }
    return cuts;
  }

  range(path: string, low: number | null, high: number | null): void {
    if (low !== null && high !== null && low > high) this.errors.push({ path, error: 'minAboveMax' });
  }
}

function readArm(reader: Reader, arm: ArmDraft, index: number): Arm {
  const path = `arms.${index}`;
  const name = arm.name.trim();
  if (name === '') reader.errors.push({ path: `${path}.name`, error: 'required' });
  else if (!ARM_CODE.test(name)) reader.errors.push({ path: `${path}.name`, error: 'armCode' });
  const label = reader.required(`${path}.label`, arm.label);
  const weight = reader.whole(`${path}.weight`, arm.weight, 1, 100, false) ?? 1;
  const cap = reader.whole(`${path}.caseload_cap`, arm.caseload_cap, 1, 500, true);
  return {
    name,
    label,
    weight,
    description: arm.description.trim(),
    ...(cap === null ? {} : { caseload_cap: cap }),
    ...arm.kept,
  };
}

/**
 * Only the limits that were set. An unset limit is left out rather than sent as null: the API
 * validator coerces a null in a number-or-null field to 0, which would shut everyone out.
 */
function limits(values: Readonly<Record<string, number | null>>): Record<string, number> {
  const set: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== null) set[key] = value;
  return set;
}

export type DraftResult = { ok: true; design: Design } | { ok: false; errors: FieldError[] };

/**
 * The design, or what the form itself can tell is missing or malformed. Rules that need the
 * whole design (two arms with one code, a limit given twice) are the server's to judge.
 */
export function readDraft(draft: DesignDraft): DraftResult {
  const reader = new Reader();
  const name = reader.required('name', draft.name);
  const question = reader.required('question', draft.question);
  const arms = draft.arms.map((arm, index) => readArm(reader, arm, index));
  const control = draft.control_arm.trim();
  if (control === '' || !arms.some((arm) => arm.name === control))
    reader.errors.push({ path: 'control_arm', error: 'chooseControl' });
  const minAge = reader.whole('eligibility.min_age', draft.min_age, 15, 80, true);
  const maxAge = reader.whole('eligibility.max_age', draft.max_age, 15, 80, true);
  reader.range('eligibility.min_age', minAge, maxAge);
  const minYears = reader.decimal('eligibility.min_benefit_years', draft.min_benefit_years, 0, 50);
  const maxYears = reader.decimal('eligibility.max_benefit_years', draft.max_benefit_years, 0, 50);
  reader.range('eligibility.min_benefit_years', minYears, maxYears);
  const ageCuts = reader.cuts('strata.age_cuts', draft.age_cuts, true, 16, 80);
  const yearCuts = reader.cuts('strata.benefit_year_cuts', draft.benefit_year_cuts, false, 0.5, 30);
  const followUp = reader.whole('follow_up_weeks', draft.follow_up_weeks, 1, 520, false) ?? 1;
  const primary = OUTCOMES.find((outcome) => outcome === draft.primary_outcome);
  if (primary === undefined) reader.errors.push({ path: 'primary_outcome', error: 'chooseOutcome' });
  if (reader.errors.length > 0 || primary === undefined) return { ok: false, errors: reader.errors };
  return {
    ok: true,
    design: {
      name,
      question,
      arms,
      control_arm: control,
      eligibility: {
        categories: CATEGORIES.filter((category) => draft.categories.includes(category)),
        ...limits({ min_age: minAge, max_age: maxAge, min_benefit_years: minYears, max_benefit_years: maxYears }),
      },
      strata: { age_cuts: ageCuts, benefit_year_cuts: yearCuts },
      follow_up_weeks: followUp,
      primary_outcome: primary,
      // The primary outcome is never also secondary; the order is the report's.
      secondary_outcomes: OUTCOMES.filter(
        (outcome) => outcome !== primary && draft.secondary_outcomes.includes(outcome),
      ),
      consent_required: draft.consent_required,
    },
  };
}
