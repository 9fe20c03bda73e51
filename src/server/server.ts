import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { loadMigrations, migrate } from './db/migrate.js';
import { DEMO_LOGINS, DEMO_PASSWORD, hasDemoMunicipality, isEmpty, loadDemoData } from './demo/demo-data.js';
import { openConfiguredDatabase, type OpenedDatabase } from './runtime.js';
import { loadCprKeyring } from './crypto/index.js';
import { danishDate } from './context.js';
import { refreshStale } from './modules/deadlines/service.js';

/** Deadlines move with the calendar: cases not evaluated today are re-evaluated this often. */
const DEADLINE_REFRESH_MS = 60 * 60_000;

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config, print: (line: string) => void): Promise<RunningServer> {
  const opened: OpenedDatabase = await openConfiguredDatabase(config);
  let app: FastifyInstance | undefined;
  let showDemoLogins = false;
  try {
    const migrations = await loadMigrations();
    const applied = await migrate(opened.db, migrations);
    if (applied.length > 0) print(`Applied ${applied.length} migration(s) to ${opened.description}.`);
    const keys = await loadCprKeyring({
      env: process.env,
      dataDir: config.dataDir,
      production: process.env.NODE_ENV === 'production',
    });
    if (keys.source === 'generated')
      print(`Generated a development CPR key in ${keys.path ?? config.dataDir}; set MEDSPILLER_CPR_KEY in production.`);
    if (config.demoData && (await isEmpty(opened.db.kysely))) {
      await loadDemoData(opened.db.kysely, keys.keyring);
      print('Loaded the demo municipality into the empty database.');
    }
    showDemoLogins = await hasDemoMunicipality(opened.db.kysely);
    const refreshed = await refreshStale(opened.db.kysely, danishDate(new Date()));
    if (refreshed > 0) print(`Re-evaluated the deadlines of ${refreshed} case(s).`);
    app = await buildApp({
      keyring: keys.keyring,
      db: opened.db,
      migrationCount: migrations.length,
      webDir: config.webDir,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      log: { level: config.logLevel },
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await opened.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://localhost:${port}`;
  print(`Medspiller is running at ${url} on ${opened.description}.`);
  if (showDemoLogins) printDemoLogins(print);
  let stopping: Promise<void> | undefined;
  const running = app;
  let refreshing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    refreshing = refreshStale(opened.db.kysely, danishDate(new Date())).catch((error: unknown) => {
      running.log.error({ err: error }, 'deadline refresh failed');
    });
  }, DEADLINE_REFRESH_MS);
  timer.unref();
  return {
    app: running,
    url,
    // Graceful: stop accepting, let requests and a running refresh finish, then close the database.
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(timer);
        await running.close();
        await refreshing;
        await opened.close();
      })()),
  };
}

function printDemoLogins(print: (line: string) => void): void {
  print('');
  print(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) print(`  ${login.role.padEnd(20)} ${login.email}`);
  print('');
}
