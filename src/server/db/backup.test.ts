import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupKindOf, findTool, toolErrorLines } from './backup.js';

const dir = mkdtempSync(path.join(tmpdir(), 'medspiller-findtool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backupKindOf', () => {
  it('tells a PGlite dump (gzip) from a pg_dump custom archive, and neither from anything else', () => {
    expect(backupKindOf(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe('pglite');
    expect(backupKindOf(Buffer.from('PGDMP\x01\x0e\x00', 'latin1'))).toBe('postgres');
    expect(backupKindOf(Buffer.from('-- PostgreSQL database dump'))).toBe('unknown');
    expect(backupKindOf(new Uint8Array([]))).toBe('unknown');
  });
});

describe('findTool', () => {
  it('finds an executable file on PATH only', () => {
    const tool = path.join(dir, 'pg_dump');
    writeFileSync(tool, '#!/bin/sh\n');
    chmodSync(tool, 0o644);
    expect(findTool('pg_dump', { PATH: dir })).toBeUndefined();
    chmodSync(tool, 0o755);
    expect(findTool('pg_dump', { PATH: `/nonexistent${path.delimiter}${dir}` })).toBe(tool);
    expect(findTool('pg_dump', { PATH: '' })).toBeUndefined();
    expect(findTool('pg_dump', {})).toBeUndefined();
  });
});

describe('toolErrorLines', () => {
  it("keeps the tools' own error lines and drops the lines that can quote row values", () => {
    const stderr = [
      'pg_restore: error: could not execute query: ERROR:  duplicate key value violates unique constraint "citizen_pkey"',
      'DETAIL:  Key (cpr_hash)=(abc) already exists.',
      'CONTEXT:  COPY citizen, line 1: "0101901234\tBirgitte"',
      'Command was: COPY public.citizen (id, name) FROM stdin;',
      'pg_dump: detail: Query was: SELECT 1',
      'pg_restore: error: COPY failed for table "citizen": ERROR:  bad DETAIL: Key (name)=(Birgitte)',
      'pg_restore: warning: errors ignored on restore: 1',
    ].join('\n');
    expect(toolErrorLines(stderr)).toEqual([
      'pg_restore: error: could not execute query: ERROR:  duplicate key value violates unique constraint "citizen_pkey"',
      'pg_restore: error: COPY failed for table "citizen": ERROR:  bad ',
      'pg_restore: warning: errors ignored on restore: 1',
    ]);
  });
});
