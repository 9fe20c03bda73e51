// `medspiller randomise` on 1,000,000 citizens, end to end (process start to exit), against a
// baseline measured in the same run: a bare `node -e` that reads the same file and splits it into
// lines and fields. Median of 3 runs each. Needs the built CLI (`npm run bench` builds first).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './result.js';

const CITIZENS = 1_000_000;
const RUNS = 3;
const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

const BASELINE = `
const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
let fields = 0;
for (const line of text.split('\\n')) if (line !== '') fields += line.split(',').length;
if (fields === 0) process.exit(1);
`;

/** Citizens in shuffled id order over 12 strata (deterministic, so every run reads the same file). */
function writeCitizens(file: string): void {
  const order = Array.from({ length: CITIZENS }, (_, i) => i);
  let x = 2017;
  for (let i = order.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const lines = ['citizen_id,stratum,age'];
  for (const i of order) lines.push(`C${String(i).padStart(7, '0')},S${i % 12},${20 + (i % 45)}`);
  writeFileSync(file, lines.join('\n') + '\n');
}

/** Seconds from spawn to exit, stdout into `out`; rejects unless the process exits 0. */
async function timeRun(args: readonly string[], out: string): Promise<number> {
  const fd = openSync(out, 'w');
  try {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (status !== 0) throw new Error(`node ${args.slice(0, 2).join(' ')} … exited ${String(status)}: ${stderr}`);
    return seconds;
  } finally {
    closeSync(fd);
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchRandomise(): Promise<BenchResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'medspiller-bench-randomise-'));
  try {
    const input = path.join(dir, 'citizens.csv');
    const output = path.join(dir, 'allocation.csv');
    writeCitizens(input);
    const cli = ['randomise', '--citizens', input, '--arms', 'group1:2,group2:1,control:4', '--seed', '2017'];
    const randomise: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      baseline.push(await timeRun(['-e', BASELINE, input], path.join(dir, 'baseline.out')));
      randomise.push(await timeRun([CLI, ...cli], output));
    }
    const rows = readFileSync(output, 'utf8').split('\n').length - 2;
    if (rows !== CITIZENS) throw new Error(`randomise wrote ${rows} rows, expected ${CITIZENS}`);
    const r = median(randomise);
    const b = median(baseline);
    return {
      name: `randomise ${CITIZENS.toLocaleString('en')} citizens, end to end (median of ${RUNS})`,
      lines: [
        `medspiller randomise: ${r.toFixed(2)} s (runs ${randomise.map((s) => s.toFixed(2)).join(', ')}; target < 3 s)`,
        `baseline node -e read + split lines and fields: ${b.toFixed(2)} s (runs ${baseline.map((s) => s.toFixed(2)).join(', ')})`,
        `ratio randomise / baseline = ${(r / b).toFixed(2)}`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const result = await benchRandomise();
  process.stdout.write(`${result.name}\n${result.lines.join('\n')}\n`);
}
