// GET /api/ready through the whole stack (HTTP, Fastify, hooks, Kysely, database) against the
// raw SQL it wraps, looped on the same database in the same process.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type Db } from '../src/server/db/database.js';
import { emptyDatabase } from '../test/support/db.js';
import { testKeyring } from '../test/support/app.js';
import { loadMigrations, migrate } from '../src/server/db/migrate.js';
import type { BenchResult } from './result.js';

const DURATION_MS = 5_000;
const CONCURRENCY = 8;

async function rawLoop(db: Db): Promise<number> {
  const end = Date.now() + DURATION_MS;
  let n = 0;
  while (Date.now() < end) {
    await sql`SELECT count(*)::int AS n FROM schema_migrations`.execute(db.kysely);
    n++;
  }
  return n / (DURATION_MS / 1000);
}

function get(agent: http.Agent, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/api/ready', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function httpLoop(port: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const end = Date.now() + DURATION_MS;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const status = await get(agent, port);
        if (status !== 200) throw new Error(`GET /api/ready answered ${status}`);
        n++;
      }
    }),
  );
  agent.destroy();
  return n / (DURATION_MS / 1000);
}

async function measure(label: string, open: () => Promise<{ db: Db; drop(): Promise<void> }>): Promise<string[]> {
  const target = await open();
  const db = target.db;
  try {
    await migrate(db);
    const raw = await rawLoop(db);
    const app = await buildApp({ db, migrationCount: (await loadMigrations()).length, keyring: testKeyring });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const full = await httpLoop(port);
    await app.close();
    return [
      `${label}: raw query loop ${raw.toFixed(0)} queries/s; GET /api/ready ${full.toFixed(0)} requests/s (${CONCURRENCY} connections)`,
      `${label}: ratio full stack / raw SQL = ${(full / raw).toFixed(2)}`,
    ];
  } finally {
    await target.drop();
  }
}

export async function benchReady(): Promise<BenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'medspiller-bench-'));
  const lines: string[] = [];
  try {
    lines.push(
      ...(await measure('PGlite', async () => {
        const db = await openDatabase({ driver: 'pglite', dataDir: path.join(dir, 'pglite') });
        return { db, drop: () => db.close() };
      })),
    );
    // A fresh database on the server named by TEST_DATABASE_URL, dropped afterwards.
    if (process.env.TEST_DATABASE_URL !== undefined)
      lines.push(...(await measure('PostgreSQL', () => emptyDatabase('postgres', { guard: false }))));
    else lines.push('PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to include it)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'GET /api/ready vs raw SQL', lines };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const result = await benchReady();
  process.stdout.write(`${result.name}\n${result.lines.join('\n')}\n`);
}
