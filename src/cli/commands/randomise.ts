// `medspiller randomise`: stratified permuted-block allocation (shared contract randomisation.md).
// All input is read and checked before anything is written, so bad input leaves stdout empty.
import { parseArgs } from 'node:util';
import { EXIT_BAD_INPUT, type Command } from '../command.js';
import { CsvInputError, readCsvTable } from '../read-csv.js';
import { CsvChunkWriter } from '../../core/csv/index.js';
import { allocateTable, parseArms, type AllocationTable, type ArmWeight } from '../../core/randomisation/index.js';

const HELP = `Usage: medspiller randomise --citizens FILE --arms NAME:WEIGHT,... --seed TEXT [--strata-column NAME]

Allocates every citizen in FILE to an arm by stratified permuted blocks and prints
citizen_id,arm,stratum,block as CSV on stdout, sorted by citizen_id.

  --citizens FILE        CSV with a header row holding citizen_id and the strata column
  --arms LIST            arms and integer weights, e.g. group1:2,group2:1,control:4
  --seed TEXT            any non-empty text; the same seed gives the same allocation
  --strata-column NAME   column holding the stratum (default: stratum)
  --help                 show this text

Blocks hold m x (sum of weights) places, m drawn from 1, 2, 3 per block; PRNG: PCG32 seeded by
SHA-256 of the seed and the stratum (docs/randomisation.md). Bad input: exit code 2.
`;

const PREFIX = 'medspiller randomise: ';
const OUTPUT_HEADER = ['citizen_id', 'arm', 'stratum', 'block'];

function fail(problems: readonly string[]): number {
  process.stderr.write(problems.map((p) => `${PREFIX}${p}\n`).join(''));
  return EXIT_BAD_INPUT;
}

interface Options {
  citizens: string;
  arms: readonly ArmWeight[];
  seed: string;
  strataColumn: string;
}

function readOptions(args: readonly string[]): Options | { help: true } | { problems: string[] } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        citizens: { type: 'string' },
        arms: { type: 'string' },
        seed: { type: 'string' },
        'strata-column': { type: 'string', default: 'stratum' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { problems: [`${error instanceof Error ? error.message : String(error)} (see --help)`] };
  }
  if (values.help === true) return { help: true };
  const problems: string[] = [];
  if (values.citizens === undefined || values.citizens === '') problems.push('--citizens FILE is required');
  if (values.seed === undefined) problems.push('--seed is required');
  else if (values.seed === '') problems.push('--seed must not be empty');
  if (values['strata-column'] === '') problems.push('--strata-column must not be empty');
  let arms: readonly ArmWeight[] = [];
  if (values.arms === undefined) {
    problems.push('--arms is required, e.g. --arms group1:2,group2:1,control:4');
  } else {
    const parsed = parseArms(values.arms);
    if (parsed.ok) arms = parsed.arms;
    else problems.push(`--arms: ${parsed.message}`);
  }
  if (problems.length > 0) return { problems };
  return { citizens: values.citizens!, arms, seed: values.seed!, strataColumn: values['strata-column'] };
}

interface Citizens {
  readonly ids: string[];
  readonly strata: string[];
  readonly lines: number[];
}

async function readCitizens(path: string, strataColumn: string): Promise<Citizens> {
  const citizens: Citizens = { ids: [], strata: [], lines: [] };
  // One string per stratum name: later passes in citizen_id order then find it in cache.
  const names = new Map<string, string>();
  await readCsvTable(path, ['citizen_id', strataColumn], (fields, line, { index }) => {
    const stratum = fields[index[strataColumn]!]!;
    let name = names.get(stratum);
    if (name === undefined) {
      name = stratum;
      names.set(stratum, name);
    }
    citizens.ids.push(fields[index['citizen_id']!]!);
    citizens.strata.push(name);
    citizens.lines.push(line);
  });
  return citizens;
}

function writeCsv(citizens: Citizens, table: AllocationTable, onChunk: (bytes: Uint8Array) => void): void {
  const writer = new CsvChunkWriter(onChunk);
  for (const name of OUTPUT_HEADER) writer.field(name);
  writer.endRow();
  const blocks: string[] = [];
  for (let k = 0; k < table.order.length; k++) {
    const i = table.order[k]!;
    const b = table.block[k]!;
    writer.field(citizens.ids[i]!);
    writer.field(table.armNames[table.arm[k]!]!);
    writer.field(citizens.strata[i]!);
    writer.field((blocks[b] ??= String(b)));
    writer.endRow();
  }
  writer.flush();
}

export default {
  async run(args: readonly string[]): Promise<number> {
    const options = readOptions(args);
    if ('help' in options) {
      process.stdout.write(HELP);
      return 0;
    }
    if ('problems' in options) return fail(options.problems);

    let citizens: Citizens;
    try {
      citizens = await readCitizens(options.citizens, options.strataColumn);
    } catch (error) {
      if (error instanceof CsvInputError) return fail([error.message]);
      throw error;
    }
    const result = allocateTable(citizens.ids, citizens.strata, options.arms, options.seed, citizens.lines);
    if (!result.ok) {
      // Problems of the whole input first, then by line, as `file:line: message`.
      const sorted = [...result.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const messages = sorted.map((p) =>
        p.line === undefined ? p.message : `${options.citizens}:${p.line}: ${p.message}`,
      );
      if (result.omitted > 0)
        messages.push(`${options.citizens}: … and ${result.omitted} more problems with citizen_id`);
      return fail(messages);
    }
    // A reader that stops early (`| head`) is not an error of ours: stop quietly.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit();
    });
    writeCsv(citizens, result.table, (bytes) => process.stdout.write(bytes));
    return 0;
  },
} satisfies Command;
