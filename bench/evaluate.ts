// `medspiller evaluate` end to end (process start to exit) on a synthetic panel of
// N citizens × 104 weeks, against a baseline measured in the same run: a bare Node process that
// reads both files and counts their lines. Median of 3 runs each (one run with --citizens
// above 100,000), with the peak resident memory of each evaluate run. Where Rscript exists,
// bench/evaluate.R runs the same analysis (data.table, survival, sandwich) on the same files,
// timed the same way, and every figure of both results is compared at the contract's
// tolerances, on the large panel and on a small one built to reach the edge cases.
//
//   npx tsx bench/evaluate.ts [--citizens 50000] [--order week|citizen|shuffled] [--keep DIR] [--skip-r]
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  syntheticCitizensCsv,
  syntheticWeeklyCsv,
  type SyntheticPanelOptions,
} from '../src/core/evaluation/synthetic-panel.js';
import type { BenchResult } from './result.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const R_SCRIPT = fileURLToPath(new URL('./evaluate.R', import.meta.url));
const WEEKS = 104;

export interface EvaluateBenchOptions {
  readonly citizens?: number;
  readonly order?: SyntheticPanelOptions['order'];
  /** Keep the generated files in this directory (created if needed) instead of a temp dir. */
  readonly keep?: string;
  /** Do not run the R comparison even where Rscript exists. */
  readonly skipR?: boolean;
}

// Runs main.js in-process and reports its peak RSS and CPU time on exit; argv[1] stands in for the script.
const LAUNCHER = `
process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write('\\nmaxrss-kb ' + process.resourceUsage().maxRSS + '\\ncpu-seconds ' + (cpu.user + cpu.system) / 1e6 + '\\n');
});
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
  readonly stderr: string;
  /** Peak resident memory the process reported on stderr (`maxrss-kb N`), if it did. */
  readonly maxRssKb: number | null;
  /** User + system CPU seconds the process reported on stderr (`cpu-seconds S`), if it did. */
  readonly cpu: number | null;
}

function run(command: string, args: readonly string[]): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${String(r.status)}: ${r.stderr}`);
  const rss = /maxrss-kb (\d+)/.exec(r.stderr);
  const cpu = /cpu-seconds ([\d.]+)/.exec(r.stderr);
  return {
    seconds,
    stdout: r.stdout,
    stderr: r.stderr,
    maxRssKb: rss === null ? null : Number(rss[1]),
    cpu: cpu === null ? null : Number(cpu[1]),
  };
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

/** Tolerance per figure as the contract sets them; medians and counts must be equal. */
function tolerance(keyPath: string): number {
  if (/median_weeks|^n\.|^weeks$|horizon|^strata\[/.test(keyPath)) return 0;
  return /ci95|(^|\.)p_|hazard_ratio|rmst_weeks/.test(keyPath) ? 1e-4 : 1e-6;
}

export interface Comparison {
  /** Leaf values compared: numbers, strings and nulls. */
  readonly figures: number;
  /** Leaves that are null on both sides (figures that cannot be computed). */
  readonly nulls: number;
  readonly differences: readonly string[];
  /** The number that came closest to its tolerance, as |ours − theirs|. */
  readonly closest: { readonly path: string; readonly delta: number; readonly tolerance: number } | null;
}

const show = (v: unknown): string => (v === undefined ? 'missing' : JSON.stringify(v));

/** Compares two `evaluate` results figure by figure at the contract's tolerances. */
export function compareResults(ours: unknown, theirs: unknown): Comparison {
  let figures = 0;
  let nulls = 0;
  const differences: string[] = [];
  let closest: Comparison['closest'] = null;
  const walk = (a: unknown, b: unknown, keyPath: string): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      figures++;
      const delta = Math.abs(a - b);
      const tol = tolerance(keyPath);
      if (!(delta <= tol)) differences.push(`${keyPath}: ours ${a}, R ${b} (|Δ| ${delta.toExponential(2)} > ${tol})`);
      else if (tol > 0 && (closest === null || delta / tol > closest.delta / closest.tolerance))
        closest = { path: keyPath, delta, tolerance: tol };
    } else if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) differences.push(`${keyPath}: length ${a.length} vs ${b.length}`);
      else a.forEach((v, i) => walk(v, b[i], `${keyPath}[${i}]`));
    } else if (
      typeof a === 'object' &&
      a !== null &&
      typeof b === 'object' &&
      b !== null &&
      !Array.isArray(a) &&
      !Array.isArray(b)
    ) {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
        walk(x[k], y[k], keyPath === '' ? k : `${keyPath}.${k}`);
    } else {
      figures++;
      if (a === null && b === null) nulls++;
      if (a !== b) differences.push(`${keyPath}: ours ${show(a)}, R ${show(b)}`);
    }
  };
  walk(ours, theirs, '');
  return { figures, nulls, differences, closest };
}

function describe(c: Comparison): string {
  const head = `${c.figures} figures compared (${c.nulls} null in both)`;
  if (c.differences.length > 0) return `${head}; ${c.differences.length} DIFFER:\n    ${c.differences.join('\n    ')}`;
  const near =
    c.closest === null
      ? ''
      : `; closest to its tolerance: ${c.closest.path} |Δ| ${c.closest.delta.toExponential(2)} (tolerance ${c.closest.tolerance})`;
  return `${head}, all agree at the contract's tolerances${near}`;
}

interface RRun extends Run {
  /** From the first fread to the printed result: no R start-up, no package loading. */
  readonly inside: number;
}

function runR(citizensFile: string, weeklyFile: string): RRun {
  const r = run('Rscript', [R_SCRIPT, citizensFile, weeklyFile, 'group1', 'control']);
  const inside = /r-seconds ([\d.]+)/.exec(r.stderr);
  return { ...r, inside: inside === null ? Number.NaN : Number(inside[1]) };
}

// A small panel built to reach the rules a large synthetic panel never meets: a stratum holding
// one citizen (leverage 1 in the adjusted model), a stratum holding group 1 only, no
// `ordinary_job` week at all (proportions 0, Wald interval null), a constant baseline column
// (SMD null), a non-ASCII stratum name (ordering) and rows in shuffled order.
async function writeEdgePanel(dir: string): Promise<{ citizensFile: string; weeklyFile: string }> {
  const panel: SyntheticPanelOptions = { citizens: 2_000, weeks: WEEKS, seed: 7, order: 'shuffled' };
  const lines = [...syntheticCitizensCsv(panel)]
    .join('')
    .split('\n')
    .filter((l) => l !== '');
  const out = [`${lines[0]!},constant`];
  let lone = false;
  let groupOneOnly = 0;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (!lone && (cells[1] === 'group1' || cells[1] === 'control')) {
      cells[2] = 'Ølby';
      lone = true;
    } else if (groupOneOnly < 30 && cells[1] === 'group1') {
      cells[2] = 'group1-only';
      groupOneOnly++;
    }
    out.push(`${cells.join(',')},0`);
  }
  mkdirSync(dir, { recursive: true });
  const citizensFile = path.join(dir, 'citizens.csv');
  const weeklyFile = path.join(dir, 'weekly.csv');
  await writeChunks(citizensFile, [`${out.join('\n')}\n`]);
  await writeChunks(
    weeklyFile,
    (function* () {
      for (const chunk of syntheticWeeklyCsv(panel)) yield chunk.replaceAll(',ordinary_job', ',flexjob');
    })(),
  );
  return { citizensFile, weeklyFile };
}

const seconds = (runs: readonly Run[]): string => runs.map((r) => r.seconds.toFixed(2)).join(', ');
const peakMb = (runs: readonly Run[]): string => (Math.max(...runs.map((r) => r.maxRssKb ?? 0)) / 1024).toFixed(0);

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
    const cli = (c: string, w: string): string[] => [
      CLI,
      'evaluate',
      '--citizens',
      c,
      '--weekly',
      w,
      '--treatment',
      'group1',
      '--control',
      'control',
    ];

    // Runs interleave (line count, evaluate, R, line count, …) so that load from elsewhere on
    // the machine falls on all three alike; CPU time is reported beside wall time for that reason.
    const withR = options.skipR !== true && onPath('Rscript');
    const evaluate: Run[] = [];
    const baseline: Run[] = [];
    const r: RRun[] = [];
    for (let i = 0; i < runs; i++) {
      baseline.push(run(process.execPath, ['-e', LINE_COUNT, citizensFile, weeklyFile]));
      evaluate.push(run(process.execPath, ['-e', LAUNCHER, ...cli(citizensFile, weeklyFile)]));
      if (withR) r.push(runR(citizensFile, weeklyFile));
    }
    const rows = Number(baseline[0]!.stdout) - 2 - citizens;
    const e = median(evaluate.map((x) => x.seconds));
    const eCpu = median(evaluate.map((x) => x.cpu ?? Number.NaN));
    const b = median(baseline.map((x) => x.seconds));
    const lines = [
      `input: ${citizens.toLocaleString('en')} citizens, ${rows.toLocaleString('en')} weekly rows (${order} order), ${gigabytes.toFixed(2)} GB`,
      `medspiller evaluate: ${e.toFixed(2)} s (runs ${seconds(evaluate)}), CPU ${eCpu.toFixed(2)} s, peak RSS ${peakMb(evaluate)} MB`,
      `baseline node line count of both files: ${b.toFixed(2)} s (runs ${seconds(baseline)})`,
      `ratio evaluate / baseline = ${(e / b).toFixed(2)}`,
    ];

    if (!withR) {
      lines.push(options.skipR === true ? 'R: skipped (--skip-r)' : 'R: skipped (Rscript not found)');
    } else {
      const rs = median(r.map((x) => x.seconds));
      const rCpu = median(r.map((x) => x.cpu ?? Number.NaN));
      const inside = median(r.map((x) => x.inside));
      lines.push(
        `R (bench/evaluate.R: data.table, survival, sandwich): ${rs.toFixed(2)} s end to end (runs ${seconds(r)}), ` +
          `CPU ${rCpu.toFixed(2)} s, ${inside.toFixed(2)} s from fread to result; peak RSS ${peakMb(r)} MB`,
        `ratio R / evaluate (target ≥ 3): ${(rs / e).toFixed(2)} wall, ${(rCpu / eCpu).toFixed(2)} CPU, ` +
          `${(inside / e).toFixed(2)} counting R from fread on (no R start-up or package loading)`,
        `figures vs R: ${describe(compareResults(JSON.parse(evaluate[0]!.stdout), JSON.parse(r[0]!.stdout)))}`,
      );
      const edge = await writeEdgePanel(path.join(dir, 'edge'));
      const ours = run(process.execPath, cli(edge.citizensFile, edge.weeklyFile));
      const theirs = runR(edge.citizensFile, edge.weeklyFile);
      lines.push(
        `edge panel vs R (stratum of one, one-arm stratum, no ordinary jobs, constant column): ${describe(compareResults(JSON.parse(ours.stdout), JSON.parse(theirs.stdout)))}`,
      );
    }
    return { name: `evaluate ${citizens.toLocaleString('en')} citizens × ${WEEKS} weeks, end to end`, lines };
  } finally {
    if (options.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({
    options: {
      citizens: { type: 'string' },
      order: { type: 'string' },
      keep: { type: 'string' },
      'skip-r': { type: 'boolean' },
    },
  });
  const order = values.order;
  if (order !== undefined && order !== 'week' && order !== 'citizen' && order !== 'shuffled')
    throw new Error('--order: week, citizen or shuffled');
  const result = await benchEvaluate({
    ...(values.citizens === undefined ? {} : { citizens: Number(values.citizens) }),
    ...(order === undefined ? {} : { order }),
    ...(values.keep === undefined ? {} : { keep: values.keep }),
    ...(values['skip-r'] === true ? { skipR: true } : {}),
  });
  process.stdout.write(`${result.name}\n${result.lines.join('\n')}\n`);
}
