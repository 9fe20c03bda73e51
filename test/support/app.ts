import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { Db } from '../../src/server/db/database.js';
import { loadMigrations } from '../../src/server/db/migrate.js';
import { testLogStream } from './log-scan.js';
import { CprKey, createCprKeyring, type CprKeyring } from '../../src/server/crypto/index.js';

/** A fixed test key: encrypted values differ per run (random IVs), lookups are stable. */
export const testKeyring: CprKeyring = createCprKeyring(CprKey.fromMasterKey(Buffer.alloc(32, 7), 'test key'));

export interface TestAppOptions {
  log?: { level: string; stream: NodeJS.WritableStream };
  clock?: () => Date;
  trustProxy?: boolean | number | string[];
}

export async function buildTestApp(db: Db, options: TestAppOptions = {}): Promise<FastifyInstance> {
  const migrations = await loadMigrations();
  // Without a log of its own, every test server logs at debug level for the CPR scan after the run.
  const log = options.log ?? { level: 'debug', stream: testLogStream() };
  const app = await buildApp({ db, migrationCount: migrations.length, keyring: testKeyring, ...options, log });
  await app.ready();
  return app;
}

/** A cookie-keeping client over app.inject, sending the CSRF header like the web app does. */
export class Client {
  private readonly jar = new Map<string, string>();

  /** `remoteAddress`: the client's address as the server's socket sees it (default 127.0.0.1). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress?: string,
  ) {}

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const csrf = this.jar.get('medspiller_csrf');
    const response = await this.app.inject({
      method,
      url,
      headers: {
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(csrf !== undefined && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      ...(this.remoteAddress === undefined ? {} : { remoteAddress: this.remoteAddress }),
    });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (expired) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return response;
  }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    if (!this.jar.has('medspiller_csrf')) await this.request('GET', '/api/session');
    return this.request('POST', '/api/session', { email, password });
  }
}
