import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import path from 'node:path';
import { findCprLike } from '../../src/core/cpr/index.js';

// Every test server writes its log here; after the whole run, the logs are searched for
// anything shaped like a CPR number (globalSetup's teardown), so a leak anywhere fails the run.
export const LOG_DIR = path.resolve('test-results/server-logs');

let stream: Writable | undefined;

/** Appends synchronously: a test worker may exit right after its last request. */
export function testLogStream(): Writable {
  if (stream === undefined) {
    mkdirSync(LOG_DIR, { recursive: true });
    const file = path.join(LOG_DIR, `${process.pid}.log`);
    stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        appendFileSync(file, chunk);
        done();
      },
    });
  }
  return stream;
}

export function clearLogs(): void {
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
}

/** Files and line numbers holding something CPR-shaped (positions only, never the number). */
export function scanLogs(): { files: number; bytes: number; hits: string[] } {
  const hits: string[] = [];
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(LOG_DIR)) {
    const text = readFileSync(path.join(LOG_DIR, name), 'utf8');
    files++;
    bytes += text.length;
    text.split('\n').forEach((line, i) => {
      if (findCprLike(line).length > 0) hits.push(`${name}:${i + 1}`);
    });
  }
  return { files, bytes, hits };
}
