// Child process of test/integration/crash-safety.test.ts and bench/commit.ts: opens the embedded
// database as `medspiller start` does and commits rows one at a time, printing `ack <id>` only
// after each commit has been acknowledged. The parent kills it with SIGKILL at a moment it picks.
import { sql } from 'kysely';
import { readConfig } from '../../src/server/config.js';
import { openConfiguredDatabase } from '../../src/server/runtime.js';

const [dataDir, countArg] = process.argv.slice(2);
if (dataDir === undefined || countArg === undefined) throw new Error('usage: crash-writer <data dir> <count>');
const count = Number(countArg);

const opened = await openConfiguredDatabase(readConfig({ MEDSPILLER_DATA_DIR: dataDir }));
const db = opened.db.kysely;
await sql`CREATE TABLE IF NOT EXISTS crash_probe (id int PRIMARY KEY, payload text NOT NULL)`.execute(db);
const start = (await sql<{ next: number }>`SELECT coalesce(max(id), 0) + 1 AS next FROM crash_probe`.execute(db))
  .rows[0]!.next;
process.stdout.write('ready\n');
for (let id = start; id < start + count; id++) {
  await sql`INSERT INTO crash_probe (id, payload) VALUES (${id}, ${'x'.repeat(200)})`.execute(db);
  // Printed only after the commit resolved. A line still buffered when the process dies is lost,
  // which makes the parent's check weaker, never wrong.
  process.stdout.write(`ack ${id}\n`);
}
process.stdout.write('done\n');
await opened.close();
