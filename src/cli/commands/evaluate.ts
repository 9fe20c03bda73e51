// `medspiller evaluate`: effect estimates from an experiment's weekly panel (contract:
// evaluation.md). citizens.csv goes through the shared CSV reader; weekly.csv, which can hold
// 10^8 rows, is read in large blocks and scanned as bytes.
import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluateExperiment, ExperimentInput, formatEvaluationText, armProblems } from '../../core/evaluation/index.js';
import type { WeeklyScanner } from '../../core/evaluation/weekly-scanner.js';
import { EXIT_BAD_INPUT, type Command } from '../command.js';
import { CsvInputError, readCsvFile } from '../read-csv.js';

const HELP = `Usage: medspiller evaluate --citizens citizens.csv --weekly weekly.csv \\
         --treatment ARM --control ARM [--format json|text]

Compares two arms of an experiment and prints the estimates as JSON (default) or as text tables.

  --citizens FILE    citizen_id,arm,stratum,age,years_unemployed[,more numeric baseline columns]
  --weekly FILE      citizen_id,week,status; any row order; weeks 1..L per citizen without gaps
  --treatment ARM    the arm to evaluate
  --control ARM      the arm to compare with
  --format FORMAT    json (default) or text
  --help             this text

Bad input: exit code 2, nothing on stdout, one line per problem (at most 20) on stderr.
Methods: docs/evaluation.md.
`;

const BLOCK_BYTES = 4 << 20;

function fail(lines: readonly string[]): number {
  process.stderr.write(lines.map((l) => `${l}\n`).join(''));
  return EXIT_BAD_INPUT;
}

async function scanWeekly(path: string, scanner: WeeklyScanner): Promise<void> {
  const file = await open(path, 'r');
  try {
    // Two blocks: the next read runs on libuv's thread pool while this one is scanned.
    let current = new Uint8Array(BLOCK_BYTES);
    let spare = new Uint8Array(BLOCK_BYTES);
    let { bytesRead } = await file.read(current, 0, current.length, null);
    while (bytesRead > 0 && !scanner.isStopped()) {
      const next = file.read(spare, 0, spare.length, null);
      scanner.push(current.subarray(0, bytesRead));
      ({ bytesRead } = await next);
      [current, spare] = [spare, current];
    }
  } finally {
    await file.close();
  }
}

function fileProblem(path: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EISDIR') return `${path}: is a directory, not a file`;
  if (code === 'EACCES') return `${path}: permission denied`;
  throw error;
}

export default {
  async run(args: readonly string[]): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({
        args: [...args],
        strict: true,
        allowPositionals: false,
        options: {
          citizens: { type: 'string' },
          weekly: { type: 'string' },
          treatment: { type: 'string' },
          control: { type: 'string' },
          format: { type: 'string', default: 'json' },
          help: { type: 'boolean', short: 'h' },
        },
      }));
    } catch (error) {
      return fail([
        `medspiller evaluate: ${error instanceof Error ? error.message : String(error)} (see "medspiller evaluate --help")`,
      ]);
    }
    if (values.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    const { citizens, weekly, treatment, control, format } = values;
    const usage: string[] = [];
    for (const [flag, value] of [
      ['--citizens', citizens],
      ['--weekly', weekly],
      ['--treatment', treatment],
      ['--control', control],
    ] as const) {
      if (value === undefined || value === '') usage.push(`medspiller evaluate: ${flag} is required`);
    }
    if (format !== 'json' && format !== 'text')
      usage.push(`medspiller evaluate: --format must be json or text, not "${format}"`);
    if (treatment !== undefined && treatment === control)
      usage.push(`medspiller evaluate: --treatment and --control are both "${treatment}"; compare two different arms`);
    if (
      usage.length > 0 ||
      citizens === undefined ||
      weekly === undefined ||
      treatment === undefined ||
      control === undefined
    ) {
      return fail(usage);
    }

    const input = new ExperimentInput(citizens, weekly);
    try {
      await readCsvFile(citizens, (fields, line) => {
        input.citizenRecord(fields, line);
      });
    } catch (error) {
      if (!(error instanceof CsvInputError)) throw error;
      input.problems.addGeneral(error.message);
    }
    const arms = input.endCitizens();
    if (arms !== null) for (const problem of armProblems(arms, treatment, control)) input.problems.addGeneral(problem);
    if (input.problems.count > 0) return fail(input.problems.list());

    try {
      await scanWeekly(weekly, input.weekly());
    } catch (error) {
      return fail([...input.problems.list(), fileProblem(weekly, error)]);
    }
    const data = input.finish();
    if (data === null) return fail(input.problems.list());

    const result = evaluateExperiment(data, treatment, control);
    process.stdout.write(format === 'text' ? formatEvaluationText(result) : `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  },
} satisfies Command;
