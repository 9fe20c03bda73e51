// `medspiller evaluate` end to end (process start to exit) on a synthetic panel of
// N citizens × 104 weeks, against a baseline measured in the same run: a bare Node process that
// reads both files and counts their lines. Median of 3 runs each (one run with --citizens
// above 100,000), with the peak resident memory of each evaluate run. Where Rscript exists,
// bench/evaluate.R runs the same analysis (data.table, survival, HC2 by hand as estimatr does)
// and the figures are compared at the contract's tolerances.
//
//   npx tsx bench/evaluate.ts [--citizens 50000] [--order week|citizen|shuffled] [--keep DIR]
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syntheticCitizensCsv, syntheticWeeklyCsv, type SyntheticPanelOptions } from '../src/core/evaluation/synthetic-panel.js';
import type { BenchResult } from './result.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const R_SCRIPT = fileURLToPath(new URL('./evaluate.R', import.meta.url));
const WEEKS = 104;

export interface EvaluateBenchOptions {
  readonly citizens?: number;
  readonly order?: SyntheticPanelOptions['order'];
  /** Keep the generated files in this directory (created if needed) instead of a temp dir. */
  readonly keep?: string;
}

// Runs main.js in-process after recording its peak RSS on exit; argv[1] stands in for the script.
const LAUNCHER = `
process.on('exit', () => process.stderr.write('\\nmaxrss-kb ' + process.resourceUsage().maxRSS + '\\n'));
import(require('node:url').pathToFileURL(process.argv[1]).href);
`;

const LINE_COUNT = `
const fs = require('node:fs');
const block = Buffer.allocUnsafe(4 << 20);
let lines = 0;
for (const file of process.argv.slice(1)) {
  const fd = fs.openSync(file, 'r');
  let n;
  while ((n = fs.readSync(fd, block, 0, block.length, null)) > 0) {
    for (let i = block.indexOf(10, 0); i !== -1 && i < n; i = block.indexOf(10, i + 1)) lines++;
  }
  fs.closeSync(fd);
}
process.stdout.write(String(lines));
`;

interface Run {
  readonly seconds: number;
  readonly stdout: string;
  readonly maxRssKb: number | null;
}

function run(command: string, args: readonly string[]): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${String(r.status)}: ${r.stderr}`);
  const rss = /maxrss-kb (\d+)/.exec(r.stderr);
  return { seconds, stdout: r.stdout, maxRssKb: rss === null ? null : Number(rss[1]) };
}

async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function onPath(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;
}

/** Tolerance per figure, as the contract sets them: 1e-4 for intervals, p-values, HR and RMST. */
function tolerance(keyPath: string): number {
  return /ci95|(^|\.)p_|hazard_ratio|rmst_weeks/.test(keyPath) ? 1e-4 : 1e-6;
}

/** Paths where the two results differ beyond tolerance (medians and counts must be equal). */
export function compareResults(ours: unknown, theirs: unknown, keyPath = ''): string[] {
  if (typeof ours === 'number' && typeof theirs === 'number') {
    return Math.abs(ours - theirs) <= tolerance(keyPath) ? [] : [`${keyPath}: ${ours} vs ${theirs}`];
  }
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    if (ours.length !== theirs.length) return [`${keyPath}: length ${ours.length} vs ${theirs.length}`];
    return ours.flatMap((v, i) => compareResults(v, theirs[i], `${keyPath}[${i}]`));
  }
  if (typeof ours === 'object' && ours !== null && typeof theirs === 'object' && theirs !== null) {
    const a = ours as Record<string, unknown>;
    const b = theirs as Record<string, unknown>;
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => compareResults(a[k], b[k], keyPath === '' ? k : `${keyPath}.${k}`));
  }
  return ours === theirs ? [] : [`${keyPath}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`];
}

export async function benchEvaluate(options: EvaluateBenchOptions = {}): Promise<BenchResult> {
  const citizens = options.citizens ?? 50_000;
  const order = options.order ?? 'week';
  const runs = citizens > 100_000 ? 1 : 3;
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json)`);
  if (options.keep !== undefined) mkdirSync(options.keep, { recursive: true });
  const dir = options.keep ?? mkdtempSync(path.join(tmpdir(), 'medspiller-bench-evaluate-'));
  try {
    const citizensFile = path.join(dir, 'citizens.csv');
    const weeklyFile = path.join(dir, 'weekly.csv');
    const panel: SyntheticPanelOptions = { citizens, weeks: WEEKS, seed: 2017, order };
    if (options.keep === undefined || !existsSync(weeklyFile)) {
      await writeChunks(citizensFile, syntheticCitizensCsv(panel));
      await writeChunks(weeklyFile, syntheticWeeklyCsv(panel));
    }
    const gigabytes = (statSync(citizensFile).size + statSync(weeklyFile).size) / 1e9;
    const cli = [CLI, 'evaluate', '--citizens', citizensFile, '--weekly', weeklyFile, '--treatment', 'group1', '--control', 'control'];

    const evaluate: Run[] = [];
    const baseline: Run[] = [];
    for (let i = 0; i < runs; i++) {
      baseline.push(run(process.execPath, ['-e', LINE_COUNT, citizensFile, weeklyFile]));
      evaluate.push(run(process.execPath, ['-e', LAUNCHER, ...cli]));
    }
    const rows = Number(baseline[0]!.stdout) - 2 - citizens;
    const e = median(evaluate.map((r) => r.seconds));
    const b = median(baseline.map((r) => r.seconds));
    const rss = Math.max(...evaluate.map((r) => r.maxRssKb ?? 0)) / 1024;
    const lines = [
      `input: ${citizens.toLocaleString('en')} citizens, ${rows.toLocaleString('en')} weekly rows (${order} order), ${gigabytes.toFixed(2)} GB`,
      `medspiller evaluate: ${e.toFixed(2)} s (runs ${evaluate.map((r) => r.seconds.toFixed(2)).join(', ')}), peak RSS ${rss.toFixed(0)} MB`,
      `baseline node line count of both files: ${b.toFixed(2)} s (runs ${baseline.map((r) => r.seconds.toFixed(2)).join(', ')})`,
      `ratio evaluate / baseline = ${(e / b).toFixed(2)}`,
    ];

    if (onPath('Rscript')) {
      const r = run('Rscript', [R_SCRIPT, citizensFile, weeklyFile, 'group1', 'control']);
      const differences = compareResults(JSON.parse(evaluate[0]!.stdout), JSON.parse(r.stdout));
      lines.push(
        `R (data.table, survival): ${r.seconds.toFixed(2)} s; ratio evaluate / R = ${(e / r.seconds).toFixed(2)}`,
        differences.length === 0 ? 'figures agree with R at the contract tolerances' : `figures differ from R: ${differences.slice(0, 10).join('; ')}`,
      );
    } else {
      lines.push('R: skipped (Rscript not found)');
    }
    return { name: `evaluate ${citizens.toLocaleString('en')} citizens × ${WEEKS} weeks, end to end`, lines };
  } finally {
    if (options.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({
    options: { citizens: { type: 'string' }, order: { type: 'string' }, keep: { type: 'string' } },
  });
  const order = values.order;
  if (order !== undefined && order !== 'week' && order !== 'citizen' && order !== 'shuffled') throw new Error('--order: week, citizen or shuffled');
  const result = await benchEvaluate({
    ...(values.citizens === undefined ? {} : { citizens: Number(values.citizens) }),
    ...(order === undefined ? {} : { order }),
    ...(values.keep === undefined ? {} : { keep: values.keep }),
  });
  process.stdout.write(`${result.name}\n${result.lines.join('\n')}\n`);
}
