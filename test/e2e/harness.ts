// Browser-test harness: the real built server as a child process on a fresh embedded
// database, the system Chromium driven by playwright-core, and an axe check for every page.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'Medspiller-demo-2026';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** Launches the system Chromium; a missing binary is a failure with the install command, never a skip. */
export async function launchBrowser(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port from the probe server'));
      });
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  /** Everything the server wrote, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited (${String(child.exitCode ?? child.signalCode)}) before it was ready:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/ready`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `GET /api/ready did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last}):\n${output()}`,
  );
}

/**
 * Starts `node dist/cli/main.js start` on a free port with a fresh data directory, with the
 * tenant guard on (a statement on a tenant table without its municipality filter fails).
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json && npx vite build).`);
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'medspiller-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    MEDSPILLER_DATA_DIR: dataDir,
    MEDSPILLER_TENANT_GUARD: '1',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const output = (): string => log;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output, stop };
}

/** Runs axe on the page as it is now and fails listing every violation. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  // Every rule runs; only the passes are not itemised, which axe says makes it faster.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(' | ');
    return `- ${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} → ${targets}`;
  });
  throw new Error(`Accessibility violations on ${label}:\n${lines.join('\n')}`);
}

export interface App {
  /** Absolute URL of a path on the running server. */
  url: (path: string) => string;
  /** A page in a fresh browser context: no cookies or localStorage from other tests. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
}

/**
 * Registers hooks that start one server and one browser for the test file, give each test
 * fresh contexts, and tear everything down afterwards.
 */
export function setUpApp(): App {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The browser check comes first so a missing Chromium fails fast with its install hint.
    browser = await launchBrowser();
    server = await startServer();
  });

  afterEach(async () => {
    const open = pages.splice(0);
    await Promise.all(open.map((page) => page.context().close()));
    // An uncaught exception in the app fails the test even when the page happened to look right.
    const errors = pageErrors.splice(0);
    if (errors.length > 0) throw new Error(`Uncaught errors in the page:\n${errors.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    url: (path) => {
      if (server === undefined) throw new Error('the server did not start');
      return `${server.baseUrl}${path}`;
    },
    newPage: async (options) => {
      if (browser === undefined) throw new Error('the browser did not start');
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        pageErrors.push(error.message);
      });
      pages.push(page);
      return page;
    },
  };
}
