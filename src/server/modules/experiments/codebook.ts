import { AGE_BANDS, BENEFIT_YEARS_TOP } from '../../../core/experiments/disclosure.js';
import type { Design } from './schema.js';

const bandLabel = (lower: number, next: number | undefined): string =>
  next === undefined
    ? `${String(lower)} = ${String(lower)} or older`
    : lower === AGE_BANDS[0]
      ? `${String(lower)} = under ${String(next)}`
      : `${String(lower)} = ${String(lower)}–${String(next - 1)}`;

/** The codebook that goes with dataset.csv, for researchers outside the municipality. */
export function CODEBOOK(design: Design): string {
  return `# Codebook: ${design.name}

Pseudonymised analysis data set of the experiment. One row per citizen and observed follow-up
week. No names, CPR numbers, addresses, dates or internal ids. The same shape as the
\`weekly.csv\` + \`citizens.csv\` pair read by \`medspiller evaluate\`.

| column | type | meaning | unit | banding | suppression |
|---|---|---|---|---|---|
| citizen_id | text | the citizen's pseudonym in this experiment's exports: \`X\` and 16 hex digits, a keyed hash (HMAC-SHA-256) of the citizen under a secret of this experiment that no staff page shows; the same in every download of this experiment, different in every other experiment and from the pseudonym shown in the caseworkers' lists | – | – | none (row level) |
| arm | text | the arm the citizen was allocated to: ${design.arms.map((a) => `\`${a.name}\` (${a.label})`).join(', ')}; control arm \`${design.control_arm}\` | – | – | none |
| stratum | text | randomisation stratum, e.g. \`age:40-50\\|benefit:3+\` (age band × years-on-benefit band at enrolment, by the design's cuts) | – | the design's strata | none |
| age | integer | age at enrolment, as the lower limit of its band | years | ${AGE_BANDS.map((lower, i) => bandLabel(lower, AGE_BANDS[i + 1])).join(', ')} | none |
| years_on_benefit | integer | time since the start of the continuous benefit period at enrolment, whole years rounded down | years (365.25 days) | 0, 1, …, ${BENEFIT_YEARS_TOP - 1}; ${BENEFIT_YEARS_TOP} = ${BENEFIT_YEARS_TOP} or more | none |
| week | integer | follow-up week: 1 = the ISO week (Monday–Sunday) of enrolment; only weeks that have ended are included, at most ${design.follow_up_weeks}. Weeks since enrolment stand in for dates | weeks | – | none |
| status | text | the citizen's status that week (below) | – | – | none |

Left out on purpose: names, CPR numbers, birth dates, exact ages, contact details, calendar dates
(of enrolment, of statuses, of the end of follow-up), the reason follow-up ended, case numbers and
every internal id (citizen, case, caseworker). The number of weeks a citizen has is the follow-up
so far: it tells how many weeks ago the citizen was enrolled, not the date.

Row-level data are not suppressed; keep the file inside the analysis environment. Tables made from
it for publication should hide counts below 5, as the report's files do (\`<5\`).

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
