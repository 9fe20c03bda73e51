import { isIP } from 'node:net';
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
  /** PostgreSQL only: a statement (lock waits included) is cancelled after this long; 0 = never. */
  statementTimeoutMs: number;
  /** PostgreSQL only: longest wait for a database connection; 0 = no limit. */
  connectTimeoutMs: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (Fastify's `trustProxy`):
   * false, true (any), a hop count, or proxy addresses/CIDRs. The login back-off counts per address.
   */
  trustProxy: TrustProxy;
}

export type TrustProxy = boolean | number | string[];

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

// proxy-addr's names for address ranges, which Fastify accepts beside addresses and CIDRs.
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = version === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length > 0) {
    throw new ConfigError(
      `MEDSPILLER_TRUST_PROXY must be true, false, a hop count or comma-separated proxy addresses/CIDRs; "${bad.join('", "')}" is none of these.`,
    );
  }
  return entries;
}

function parseMillis(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 2_147_483_647) {
    throw new ConfigError(`${name} must be a whole number of milliseconds (0 for no limit), got "${raw}".`);
  }
  return ms;
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
    statementTimeoutMs: parseMillis('MEDSPILLER_STATEMENT_TIMEOUT_MS', env.MEDSPILLER_STATEMENT_TIMEOUT_MS, 10_000),
    connectTimeoutMs: parseMillis('MEDSPILLER_CONNECT_TIMEOUT_MS', env.MEDSPILLER_CONNECT_TIMEOUT_MS, 5_000),
    trustProxy: parseTrustProxy(env.MEDSPILLER_TRUST_PROXY),
  };
}
