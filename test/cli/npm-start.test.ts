import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testLogStream } from '../support/log-scan.js';
import { exited, freePort, tempDir } from '../support/server-process.js';

// A container runtime or process manager stops `npm start` with SIGTERM to npm's own process.
// npm passes it on to its child only, so that child must be the server (package.json: `exec`):
// with `sh -c` in between, sh died and the server ran on, holding the data directory's lock.

const npm = existsSync(path.join(path.dirname(process.execPath), 'npm'))
  ? path.join(path.dirname(process.execPath), 'npm')
  : 'npm';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

async function startNpm(dataDir: string, detached: boolean) {
  const port = await freePort();
  const child = spawn(npm, ['start'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      MEDSPILLER_DATA_DIR: dataDir,
      MEDSPILLER_TENANT_GUARD: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as in a terminal, where Ctrl-C signals the whole group.
    detached,
  });
  let output = '';
  const log = testLogStream();
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d: Buffer) => {
      output += d.toString();
      log.write(d);
    });
  }
  const url = `http://localhost:${port}/api/ready`;
  // npm start builds first when the sources are newer than dist.
  const ready = await until(async () => {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    return (await fetch(url).catch(() => undefined))?.status === 200;
  }, 240_000);
  expect(ready, output).toBe(true);
  return { child, url, output: () => output };
}

describe('npm start', () => {
  const dirs: string[] = [];
  const servers: number[] = [];
  afterAll(() => {
    for (const pid of servers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Starts npm start, signals it as `signal` does, and checks that the server is gone, cleanly. */
  async function stopsCleanly(send: (npmPid: number) => void, detached: boolean, expected: string): Promise<void> {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const lock = path.join(dataDir, 'medspiller.lock');
    const { child, url, output } = await startNpm(dataDir, detached);
    const serverPid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    servers.push(serverPid);
    expect(serverPid).not.toBe(child.pid); // the lock belongs to the server, not to npm

    send(child.pid ?? 0);
    await exited(child);
    expect(await until(async () => !(await answers(url)), 10_000), output()).toBe(true);
    expect(await until(() => !existsSync(lock), 10_000), output()).toBe(true);
    expect(await until(() => !alive(serverPid), 10_000), output()).toBe(true);
    expect(output()).toContain(`Received ${expected}`);
  }

  it("stops the server, closes the port and releases the lock on SIGTERM to npm's process", async () => {
    await stopsCleanly((pid) => process.kill(pid, 'SIGTERM'), false, 'SIGTERM');
  });

  it('stops as cleanly on Ctrl-C, which reaches the server twice (terminal and npm)', async () => {
    await stopsCleanly((pid) => process.kill(-pid, 'SIGINT'), true, 'SIGINT');
  });
});
