// Single-row commits per second on the embedded database: PGlite as shipped (fsync off, so a
// commit is only in the OS page cache) against Medspiller's durable setup (WAL fsynced before a
// commit is acknowledged), same disk and same query path, interleaved so both see the same load.
// PostgreSQL (synchronous_commit=on, its default) is listed for reference.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createDurablePglite } from '../src/server/db/durable-fs.js';
import type { BenchResult } from './result.js';

const ROUND_MS = 2_000;
const ROUNDS = 3;
const PAYLOAD = 'x'.repeat(200);

type Insert = (id: number) => Promise<void>;

async function loop(insert: Insert, first: number): Promise<{ rate: number; next: number }> {
  const end = Date.now() + ROUND_MS;
  let id = first;
  while (Date.now() < end) await insert(id++);
  return { rate: (id - first) / (ROUND_MS / 1000), next: id };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function openPglite(durable: boolean, dir: string): Promise<{ insert: Insert; close(): Promise<void> }> {
  const db = durable ? await createDurablePglite(dir) : await PGlite.create({ dataDir: dir });
  await db.exec('CREATE TABLE probe (id int PRIMARY KEY, payload text NOT NULL)');
  return {
    insert: async (id) => {
      await db.query('INSERT INTO probe (id, payload) VALUES ($1, $2)', [id, PAYLOAD]);
    },
    close: () => db.close(),
  };
}

async function postgresRate(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const table = `bench_commit_${process.pid}`;
  try {
    await client.query(`CREATE TABLE ${table} (id int PRIMARY KEY, payload text NOT NULL)`);
    const rates: number[] = [];
    let next = 1;
    for (let round = 0; round < ROUNDS; round++) {
      const r = await loop(async (id) => {
        await client.query(`INSERT INTO ${table} (id, payload) VALUES ($1, $2)`, [id, PAYLOAD]);
      }, next);
      rates.push(r.rate);
      next = r.next;
    }
    return median(rates);
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  }
}

export async function benchCommit(): Promise<BenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'medspiller-bench-'));
  try {
    const shipped = await openPglite(false, path.join(dir, 'shipped'));
    const durable = await openPglite(true, path.join(dir, 'durable'));
    const rates = { shipped: [] as number[], durable: [] as number[] };
    const next = { shipped: 1, durable: 1 };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const kind of ['shipped', 'durable'] as const) {
          const r = await loop((kind === 'shipped' ? shipped : durable).insert, next[kind]);
          rates[kind].push(r.rate);
          next[kind] = r.next;
        }
      }
    } finally {
      await shipped.close();
      await durable.close();
    }
    const s = median(rates.shipped);
    const d = median(rates.durable);
    const lines = [
      `PGlite as shipped (fsync off): ${s.toFixed(0)} commits/s (rounds: ${rates.shipped.map((r) => r.toFixed(0)).join(', ')})`,
      `PGlite durable (WAL fsynced per commit): ${d.toFixed(0)} commits/s (rounds: ${rates.durable.map((r) => r.toFixed(0)).join(', ')})`,
      `ratio durable / shipped = ${(d / s).toFixed(2)}`,
    ];
    const url = process.env.TEST_DATABASE_URL;
    if (url === undefined) lines.push('PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to include it)');
    else
      lines.push(
        `PostgreSQL (server defaults, synchronous_commit=on): ${(await postgresRate(url)).toFixed(0)} commits/s`,
      );
    return { name: 'Single-row commits per second', lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const result = await benchCommit();
  process.stdout.write(`${result.name}\n${result.lines.join('\n')}\n`);
}
