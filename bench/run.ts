// `npm run bench`: every benchmark prints absolute figures and a ratio against a baseline
// measured in the same run, so numbers stay comparable across machines.
import type { BenchResult } from './result.js';

type Bench = () => Promise<BenchResult>;

const benches: Record<string, () => Promise<Bench>> = {
  ready: async () => (await import('./ready.js')).benchReady,
  randomise: async () => (await import('./randomise.js')).benchRandomise,
  evaluate: async () => (await import('./evaluate.js')).benchEvaluate,
  queue: async () => (await import('./queue.js')).benchQueue,
  commit: async () => (await import('./commit.js')).benchCommit,
};

const only = process.argv.slice(2);
for (const [name, load] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const result = await (await load())();
  process.stdout.write(`\n== ${result.name} ==\n${result.lines.map((l) => `  ${l}`).join('\n')}\n`);
}
