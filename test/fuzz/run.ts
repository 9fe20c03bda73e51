import { randomInt } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildTestApp } from '../support/app.js';
import { drivers, migratedDatabase } from '../support/db.js';
import { buildFuzzWorld, runFuzz, summarise } from './fuzz.js';

// `npm run fuzz`: the full run, 10,000 requests per driver (FUZZ_RUNS to change), with a fresh
// seed unless FUZZ_SEED names one to replay. Exits 1 when any answer breaks the promise.

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = process.env.FUZZ_SEED === undefined ? randomInt(2 ** 31) : Number(process.env.FUZZ_SEED);
console.log(`fuzz: ${runs} requests per driver on ${drivers.join(', ')}, seed ${seed} (replay: FUZZ_SEED=${seed})`);

const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
let failed = false;
const started = performance.now();
for (const driver of drivers) {
  const t = await migratedDatabase(driver);
  const app = await buildTestApp(t.db, {
    clock: () => new Date('2026-02-01T12:00:00Z'),
    log: { level: 'fatal', stream: quiet },
  });
  try {
    const world = await buildFuzzWorld(t.db.kysely, app);
    const result = await runFuzz(app, { runs, seed, ...world });
    const fives = Object.entries(result.byStatus)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0);
    const statuses = Object.entries(result.byStatus)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    console.log(
      `${driver}: ${result.requests} requests in ${(result.milliseconds / 1000).toFixed(1)} s; ` +
        `5xx: ${fives}; broken answers: ${result.failures.length}; statuses: ${statuses}`,
    );
    for (const line of summarise(result)) console.log(`  ${line}`);
    if (result.failures.length > 0) failed = true;
  } finally {
    await app.close();
    await t.drop();
  }
}
console.log(`fuzz: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
