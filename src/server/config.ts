import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, the same from src/server (tests) and dist/server (built). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runtime configuration, read from the environment in one place. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… selects a real PostgreSQL server; undefined selects the embedded database. */
  databaseUrl: string | undefined;
  /** Embedded database files, the data-dir lock and the development CPR key live here. */
  dataDir: string;
  logLevel: string;
  /** Load the demo municipality when the database is empty. */
  demoData: boolean;
  /** Behind TLS (or a TLS-terminating proxy): cookies get `Secure`. */
  secureCookies: boolean;
  /** Directory holding the built web app. */
  webDir: string;
  /**
   * Refuse any statement on a tenant table without its municipality filter (db/tenant-guard.ts).
   * For the test servers: the browser and CLI tests start the server with it, as the integration
   * tests open their databases with it.
   */
  tenantGuard: boolean;
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${raw}".`);
  }
  return port;
}

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}".`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL === '' ? undefined : env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST ?? 'localhost',
    databaseUrl,
    dataDir: path.resolve(cwd, env.MEDSPILLER_DATA_DIR ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    // Demo data is for trying Medspiller out: on by default only on the embedded database.
    demoData: parseBool('MEDSPILLER_DEMO', env.MEDSPILLER_DEMO, databaseUrl === undefined),
    secureCookies: parseBool('MEDSPILLER_SECURE_COOKIES', env.MEDSPILLER_SECURE_COOKIES, false),
    webDir:
      env.MEDSPILLER_WEB_DIR === undefined
        ? path.join(packageRoot, 'dist', 'web')
        : path.resolve(cwd, env.MEDSPILLER_WEB_DIR),
    tenantGuard: parseBool('MEDSPILLER_TENANT_GUARD', env.MEDSPILLER_TENANT_GUARD, false),
  };
}
