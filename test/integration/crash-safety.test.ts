import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.js';
import { openConfiguredDatabase } from '../../src/server/runtime.js';

// kill -9 of a process writing the embedded database must not lose a commit it acknowledged.
// Only the embedded database: on PostgreSQL the killed process is a client, and the server keeps
// what it acknowledged regardless (its own crash safety is PostgreSQL's, see README "Crash safety").

const WRITER = path.resolve(import.meta.dirname, '../support/crash-writer.ts');
const MAX_WRITES = 5_000;

interface Killed {
  lastAck: number;
  signal: NodeJS.Signals | null;
}

/** Runs the writer until it has acknowledged `killAt` commits, then kills it with SIGKILL. */
function writeAndKill(dataDir: string, killAt: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(MAX_WRITES)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    let stderr = '';
    let lastAck = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('ack ')) continue;
        lastAck = Number(line.slice(4));
        if (lastAck === killAt) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    // 'close', not 'exit': acknowledgements still in the pipe when the process dies count too.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ lastAck, signal });
      else reject(new Error(`writer ended with code ${code} before it was killed: ${stderr}`));
    });
  });
}

async function storedIds(dataDir: string): Promise<number[]> {
  // Opened as `medspiller start` opens it: this also takes over the lock the killed writer left.
  const opened = await openConfiguredDatabase(readConfig({ MEDSPILLER_DATA_DIR: dataDir }));
  try {
    const rows = await sql<{ id: number }>`SELECT id FROM crash_probe ORDER BY id`.execute(opened.db.kysely);
    return rows.rows.map((r) => r.id);
  } finally {
    await opened.close();
  }
}

describe('crash safety of the embedded database', () => {
  let dataDir: string | undefined;
  afterEach(() => {
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged commit when the writing process is killed with SIGKILL', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'medspiller-crash-'));
    // A random moment, counted in acknowledgements so the test does not depend on speed.
    const killAt = 150 + Math.floor(Math.random() * 150);
    const killed = await writeAndKill(dataDir, killAt);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.lastAck).toBeGreaterThanOrEqual(killAt);
    expect(killed.lastAck).toBeLessThan(MAX_WRITES);

    const ids = await storedIds(dataDir);
    // Rows are committed in id order, so what survives is a prefix: every acknowledged row, then
    // possibly rows whose acknowledgement had not reached the pipe (the one in flight; more if the
    // child's stdout was backed up).
    expect(ids.length).toBeGreaterThanOrEqual(killed.lastAck);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    // Two cold starts of the embedded database (one with initdb) dominate; slow on a loaded machine.
  }, 120_000);
});
