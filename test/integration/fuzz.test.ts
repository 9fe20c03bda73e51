import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';
import { buildFuzzWorld, runFuzz, summarise, type FuzzCredentials, type FuzzIds } from '../fuzz/fuzz.js';

// The short, fixed-seed run of the fuzz suite; `npm run fuzz` runs 10,000 requests per driver
// with a fresh seed.

describe.each(drivers)('fuzzed input on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;
  let world: { roles: FuzzCredentials[]; ids: FuzzIds };

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db, { clock: () => new Date('2026-02-01T12:00:00Z') });
    world = await buildFuzzWorld(t.db.kysely, app);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('answers 400 fuzzed requests with no 5xx and the error body on every 4xx', async () => {
    const result = await runFuzz(app, { runs: 400, seed: 20261208, ...world });
    expect(summarise(result)).toEqual([]);
    expect(result.requests).toBe(400);
    // The run reached the handlers, not only the validator.
    const ok = Object.entries(result.byStatus).filter(([status]) => Number(status) < 300);
    expect(ok.reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(20);
  });
});
