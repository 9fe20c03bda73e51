import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildTestApp } from '../support/app.js';
import { drivers, migratedDatabase, type TestDb } from '../support/db.js';

describe.each(drivers)('health and readiness on %s', (driver) => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await migratedDatabase(driver);
    app = await buildTestApp(t.db);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('reports alive and ready with the migration count', async () => {
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('serves the OpenAPI document listing every route', async () => {
    const doc = (await app.inject('/api/docs/json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/ready', '/api/session']));
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const r = await app.inject('/api/no-such-thing');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ code: 'not_found', message: 'Adressen findes ikke.' });
  });

  it('sends security headers and a request id', async () => {
    const r = await app.inject('/api/health');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is not ready when migrations are missing', async () => {
    await sql`DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)`.execute(
      t.db.kysely,
    );
    const r = await app.inject('/api/ready');
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ code: 'not_ready' });
  });
});
