import { CsvParser, CsvSyntaxError, describeColumnProblem, resolveColumns } from '../../../core/csv/index.js';
import { isOneOf, WEEK_STATUSES, type WeekStatus } from '../../../core/vocabulary.js';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { getExperiment } from './design.js';
import * as q from './queries.js';

// Weekly statuses from register data, in the evaluate contract's weekly.csv shape with the
// citizen's pseudonym as citizen_id. All or nothing: any problem rejects the whole file,
// listed by line; a clean file replaces the imported weeks of the citizens it names.

const MAX_PROBLEMS = 20;

/** Imports a weekly.csv of the experiment; returns the number of weeks imported. */
export async function importWeekly(ctx: Ctx, experimentId: string, text: string): Promise<number> {
  const followUp = (await getExperiment(ctx, experimentId)).design.follow_up_weeks;
  const enrolled = await q.enrolledPseudonyms(ctx.db, experimentId);
  const byPseudonym = new Map(enrolled.map((r) => [r.pseudonym, r.citizen_id]));
  const problems: string[] = [];
  const rows: { citizen_id: string; week: number; status: WeekStatus }[] = [];
  const seen = new Set<string>();
  let columns: { citizen_id: number; week: number; status: number } | undefined;
  const problem = (line: number, what: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`line ${line}: ${what}`);
  };
  const parser = new CsvParser((fields, line) => {
    if (columns === undefined) {
      const resolved = resolveColumns(fields, ['citizen_id', 'week', 'status'] as const);
      if (!resolved.ok) {
        problem(line, describeColumnProblem(fields, resolved.missing, resolved.duplicated));
        columns = { citizen_id: -1, week: -1, status: -1 };
      } else columns = resolved.index;
      return;
    }
    if (columns.citizen_id < 0) return;
    const pseudonym = fields[columns.citizen_id] ?? '';
    const weekText = fields[columns.week] ?? '';
    const status = fields[columns.status] ?? '';
    const citizenId = byPseudonym.get(pseudonym);
    if (citizenId === undefined)
      problem(line, `citizen_id "${pseudonym.slice(0, 40)}" is not enrolled in this experiment`);
    if (!/^[1-9]\d*$/.test(weekText) || Number(weekText) > followUp)
      problem(line, `week "${weekText.slice(0, 12)}" is not a whole number from 1 to ${followUp}`);
    const known = isOneOf(WEEK_STATUSES, status);
    if (!known) problem(line, `status "${status.slice(0, 30)}" is not one of ${WEEK_STATUSES.join(', ')}`);
    const key = `${pseudonym}\u0000${weekText}`;
    if (seen.has(key)) problem(line, `week ${weekText} of ${pseudonym.slice(0, 40)} appears twice`);
    seen.add(key);
    // Any problem refuses the whole file; the rows matter only when there is none.
    if (citizenId !== undefined && known) rows.push({ citizen_id: citizenId, week: Number(weekText), status });
  });
  try {
    parser.push(text);
    parser.end();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    problem(error.line, error.reason);
  }
  if (columns === undefined) problems.push('line 1: the file is empty; expected the header citizen_id,week,status');
  if (problems.length > 0) {
    throw invalid(
      {
        da: `Filen blev ikke indlæst: ${problems.join('; ')}`,
        en: `The file was not imported: ${problems.join('; ')}`,
      },
      { problems },
    );
  }
  await q.replaceWeeks(ctx.db, experimentId, rows);
  return rows.length;
}
