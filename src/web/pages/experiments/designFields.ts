// Where each part of a design is edited: API field path → input id. The server names fields
// by the same paths ("arms.1.weight: …", "eligibility.min_age: above max_age"), so its
// problems can link to the input like the form's own.

const ARM_PART: Readonly<Record<string, string>> = {
  name: 'name',
  label: 'label',
  weight: 'weight',
  description: 'description',
  caseload_cap: 'cap',
};

const FIELD_IDS: Readonly<Record<string, string>> = {
  name: 'design-name',
  question: 'design-question',
  control_arm: 'design-control',
  'eligibility.categories': 'design-categories-0',
  'eligibility.min_age': 'design-min-age',
  'eligibility.max_age': 'design-max-age',
  'eligibility.min_benefit_years': 'design-min-years',
  'eligibility.max_benefit_years': 'design-max-years',
  'strata.age_cuts': 'design-age-cuts',
  'strata.benefit_year_cuts': 'design-benefit-cuts',
  follow_up_weeks: 'design-follow-up',
  primary_outcome: 'design-primary',
  secondary_outcomes: 'design-secondary-0',
  consent_required: 'design-consent',
};

/** Shorter paths the server may use, and the field they stand for. */
const ALIASES: Readonly<Record<string, string>> = {
  arms: 'arms.0.name',
  eligibility: 'eligibility.categories',
  strata: 'strata.age_cuts',
};

export function armFieldId(index: number, part: string): string {
  return `arm-${index}-${ARM_PART[part] ?? part}`;
}

/** The field a path names, as the form's own path and the input's id; null when none. */
export function fieldOf(rawPath: string): { path: string; id: string } | null {
  const trimmed = rawPath.replace(/^body\.?/, '').replace(/\.$/, '');
  const path = ALIASES[trimmed] ?? trimmed;
  const arm = /^arms\.(\d+)(?:\.(\w+))?/.exec(path);
  if (arm !== null) {
    const index = Number(arm[1]);
    const part = arm[2] !== undefined && arm[2] in ARM_PART ? arm[2] : 'name';
    return { path: `arms.${index}.${part}`, id: armFieldId(index, part) };
  }
  const id = FIELD_IDS[path];
  return id === undefined ? null : { path, id };
}

/** What the server found that the form can say in the UI language. */
export type KnownProblem = 'duplicateArms' | 'controlNotArm' | 'minAboveMax' | 'duplicateCut' | 'primaryRepeated';

const KNOWN: readonly [RegExp, KnownProblem][] = [
  [/two arms share a name/, 'duplicateArms'],
  [/is not one of the arms/, 'controlNotArm'],
  [/^above max_/, 'minAboveMax'],
  [/a limit appears twice/, 'duplicateCut'],
  [/primary outcome is listed again/, 'primaryRepeated'],
];

export interface ServerProblem {
  field: { path: string; id: string } | null;
  known: KnownProblem | null;
  /** The server's words after the field path, or the whole message when it names no field. */
  text: string;
}

/** One problem the server listed ("strata.age_cuts: a limit appears twice"). */
export function readServerProblem(message: string): ServerProblem {
  const match = /^([a-z_][\w.]*):\s*([\s\S]+)$/.exec(message);
  const field = match?.[1] === undefined ? null : fieldOf(match[1]);
  const rest = field === null || match?.[2] === undefined ? message : match[2];
  const known = KNOWN.find(([pattern]) => pattern.test(rest))?.[1] ?? null;
  return { field, known, text: rest };
}
