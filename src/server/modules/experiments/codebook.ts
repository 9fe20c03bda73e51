import type { Design } from './schema.js';

/** The codebook that goes with dataset.csv, for researchers outside the municipality. */
export function CODEBOOK(design: Design): string {
  return `# Codebook: ${design.name}

Pseudonymised analysis data set of the experiment. One row per citizen and observed follow-up
week. No names, CPR numbers or addresses. The same shape as the \`weekly.csv\` + \`citizens.csv\`
pair read by \`medspiller evaluate\`.

| column | type | meaning |
|---|---|---|
| citizen_id | text | the citizen's pseudonym (stable within the municipality, derived from a random id) |
| arm | text | the arm the citizen was allocated to: ${design.arms.map((a) => `\`${a.name}\` (${a.label})`).join(', ')}; control arm \`${design.control_arm}\` |
| stratum | text | randomisation stratum, e.g. \`age:40-50|benefit:3+\` (age band × years on benefit at enrolment) |
| age | integer | age in whole years at enrolment |
| years_on_benefit | number | years since the start of the continuous benefit period at enrolment (365.25-day years, 2 decimals) |
| week | integer | follow-up week, 1 = the ISO week of enrolment; only weeks that have ended are included, at most ${design.follow_up_weeks} |
| status | text | the citizen's status that week (below) |

Status codes (when several apply in a week, the first in this list wins):
\`ordinary_job\` ordinært job, \`flexjob\` fleksjob, \`subsidised_hours\` løntilskud/ordinære timer med støtte,
\`education\` uddannelse, \`internship\` virksomhedspraktik, \`active_measure\` anden aktiv indsats, \`none\` ingen.

Sources: imported register data where present for a week, otherwise the status periods recorded
on the citizen's case. Follow-up ends early when a citizen moved, died or withdrew.

Derived outcomes (as \`medspiller evaluate\` computes them): employed week = ordinary_job,
flexjob or subsidised_hours; employment degree = employed weeks / observed weeks; active share =
weeks in active_measure, internship or education / observed weeks. Primary outcome:
\`${design.primary_outcome}\`.
`;
}
