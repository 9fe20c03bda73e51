// `medspiller deadlines`: the rule engine's deadlines for one case as of a date (JSON).
// Contract: /shared/contracts/deadlines.md. Bad input: exit 2, nothing on stdout,
// the offending field named on stderr.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXIT_BAD_INPUT, type Command } from '../command.js';
import {
  DEFAULT_RULE_SET,
  evaluateDeadlines,
  isIsoDate,
  missingFacts,
  parseCaseInput,
  parseRuleSetFile,
  type Result,
  type RuleSet,
} from '../../core/rules/index.js';

const USAGE = `Usage: medspiller deadlines --case <case.json> --on <YYYY-MM-DD> [--rules <rules.json>]

Prints the deadlines of one case as of a date as a JSON array, sorted by due date, then rule.

Options:
  --case <file>    the case as JSON ("-" reads standard input)
  --on <date>      the date to evaluate on (YYYY-MM-DD); events dated later are ignored
  --rules <file>   a rule set JSON file (or an array of rule sets) instead of the default
                   rules (LAB 2019 + Halsnæs policy); see docs/rules.md
  -h, --help       show this help

Exit codes: 0 ok, 2 bad input (the field is named on stderr).
`;

class BadInput extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

async function readText(file: string, flag: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new BadInput([`${flag}: cannot read ${JSON.stringify(file)} (${reason})`]);
  }
}

async function readJson(file: string, flag: string): Promise<unknown> {
  const text = await readText(file, flag);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadInput([
      `${flag}: ${JSON.stringify(file)} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    ]);
  }
}

function valueOf<T>(result: Result<T>, prefix = ''): T {
  if (!result.ok) throw new BadInput(result.errors.map((line) => prefix + line));
  return result.value;
}

function parseOptions(args: readonly string[]): { case?: string; on?: string; rules?: string; help?: boolean } {
  try {
    return parseArgs({
      args: [...args],
      options: {
        case: { type: 'string' },
        on: { type: 'string' },
        rules: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new BadInput([
      error instanceof Error ? error.message : String(error),
      'Run "medspiller deadlines --help" for usage.',
    ]);
  }
}

async function deadlinesJson(args: readonly string[]): Promise<string | null> {
  const options = parseOptions(args);
  if (options.help === true) return null;
  const problems: string[] = [];
  if (options.case === undefined) problems.push('--case: required');
  if (options.on === undefined) problems.push('--on: required');
  else if (!isIsoDate(options.on)) problems.push(`--on: not a date: ${JSON.stringify(options.on)} (YYYY-MM-DD)`);
  if (problems.length > 0 || options.case === undefined || options.on === undefined) throw new BadInput(problems);

  const ruleSet: RuleSet =
    options.rules === undefined
      ? DEFAULT_RULE_SET
      : valueOf(parseRuleSetFile(await readJson(options.rules, '--rules')), '--rules: ');
  const facts = valueOf(parseCaseInput(await readJson(options.case, '--case')));
  const missing = missingFacts(facts, ruleSet);
  if (missing.length > 0) throw new BadInput(missing);
  return `${JSON.stringify(evaluateDeadlines(facts, options.on, ruleSet), null, 2)}\n`;
}

export default {
  async run(args: readonly string[]): Promise<number> {
    try {
      const json = await deadlinesJson(args);
      process.stdout.write(json ?? USAGE);
      return 0;
    } catch (error) {
      if (!(error instanceof BadInput)) throw error;
      process.stderr.write(`${error.lines.join('\n')}\n`);
      return EXIT_BAD_INPUT;
    }
  },
} satisfies Command;
