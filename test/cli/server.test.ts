import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, startServerProcess, tempDir } from '../support/server-process.js';

async function loginWorks(url: string): Promise<boolean> {
  const first = await fetch(`${url}/api/session`);
  const csrf = /medspiller_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const r = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `medspiller_csrf=${csrf}` },
    body: JSON.stringify({ email: 'sagsbehandler@demo.medspiller.dk', password: 'Medspiller-demo-2026' }),
  });
  return r.status === 200;
}

describe('medspiller start (embedded database)', () => {
  it('lists its commands', () => {
    const r = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const command of ['start', 'migrate', 'demo-data']) expect(r.stdout).toContain(command);
  });

  it('serves demo data, refuses a second process on the same data directory, and survives SIGTERM', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ MEDSPILLER_DATA_DIR: dataDir });
    try {
      expect(server.output()).toContain('sagsbehandler@demo.medspiller.dk');
      expect(await loginWorks(server.url)).toBe(true);

      const second = spawnSync(process.execPath, [CLI, 'start'], {
        env: {
          ...process.env,
          DATABASE_URL: '',
          MEDSPILLER_DATA_DIR: dataDir,
          PORT: '0',
          MEDSPILLER_TENANT_GUARD: '1',
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('is in use by another Medspiller process');
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(existsSync(path.join(dataDir, 'medspiller.lock'))).toBe(false);

    // The same data starts again: no demo reload, the earlier data is there, logins work.
    const again = await startServerProcess({ MEDSPILLER_DATA_DIR: dataDir });
    try {
      expect(again.output()).not.toContain('Loaded the demo municipality');
      expect(await loginWorks(again.url)).toBe(true);
    } finally {
      expect(await again.stop('SIGINT')).toBe(0);
    }

    // The logins above were logged in the audit chain's municipality; the chain verifies.
    const verify = spawnSync(process.execPath, [CLI, 'audit', 'verify'], {
      env: { ...process.env, DATABASE_URL: '', MEDSPILLER_DATA_DIR: dataDir, MEDSPILLER_TENANT_GUARD: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(verify.stderr).toBe('');
    expect(verify.stdout).toMatch(/^0999 Demo Kommune: \d+ events, chain intact$/m);
    expect(verify.status).toBe(0);
  });

  it('takes over the lock of a process that died without cleaning up', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ MEDSPILLER_DATA_DIR: dataDir });
    await server.stop('SIGKILL');
    expect(existsSync(path.join(dataDir, 'medspiller.lock'))).toBe(true);
    const again = await startServerProcess({ MEDSPILLER_DATA_DIR: dataDir });
    try {
      expect(await loginWorks(again.url)).toBe(true);
    } finally {
      await again.stop();
    }
  });

  it('explains bad configuration in one line', () => {
    const r = spawnSync(process.execPath, [CLI, 'start'], {
      env: { ...process.env, PORT: 'abc', DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('medspiller: PORT must be an integer between 0 and 65535, got "abc".\n');
  });
});
