import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from './db/database.js';
import { registerAuth } from './plugins/auth.js';
import { clientError, frameworkError, registerErrorHandling } from './plugins/errors.js';
import { ajvOptions, registerInputRules } from './http/input.js';
import { loggerOptions, rememberRouteWords } from './plugins/redact.js';
import type { CprKeyring } from './crypto/index.js';
import type { Services } from './http/context.js';
import { createScopeCheck } from './modules/access/service.js';
import { SESSION_COOKIE_MAX_AGE, sessionResolver } from './modules/session/service.js';
import { auditRoutes } from './modules/audit/routes.js';
import { caseRoutes } from './modules/cases/routes.js';
import { statusPeriodRoutes } from './modules/status-periods/routes.js';
import { experimentRoutes } from './modules/experiments/routes.js';
import { oidcRoutes } from './modules/oidc/routes.js';
import { sessionRoutes } from './modules/session/routes.js';
import { systemRoutes } from './modules/system/routes.js';
import { teamRoutes } from './modules/teams/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { settingsRoutes } from './modules/settings/routes.js';
import { deadlineRoutes } from './modules/deadlines/routes.js';

export interface AppOptions {
  db: Db;
  migrationCount: number;
  keyring: CprKeyring;
  /** The time; tests fix it to make "today" deterministic. */
  clock?: () => Date;
  /** Built web app to serve; skipped when the directory does not exist (API-only tests). */
  webDir?: string;
  secureCookies?: boolean;
  /** MEDSPILLER_TRUST_PROXY (config.ts); false when omitted: X-Forwarded-For is ignored. */
  trustProxy?: boolean | number | string[];
  /** Omit for silence (tests); `stream` lets a test read every log line. */
  log?: { level: string; stream?: NodeJS.WritableStream };
}

/** A hop count as Fastify itself compiles one (its types leave numbers out): trust the nearest n. */
function trustProxyOption(trust: AppOptions['trustProxy']): boolean | string[] | ((a: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust ?? false;
  return (_address, hop) => hop < trust;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.log === undefined ? false : loggerOptions(options.log.level, options.log.stream),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    trustProxy: trustProxyOption(options.trustProxy),
    // Input rules (http/input.ts) and router errors in the app's error body (plugins/errors.ts).
    ajv: ajvOptions,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerInputRules(app);
  // Before any route: a logged URL keeps only the route words it learns here (plugins/redact.ts).
  rememberRouteWords(app);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers carry personal data (and errors about it): no browser or proxy may keep a copy.
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  });

  // External plugins first, then ours, then routes.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: options.secureCookies === true,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Medspiller API',
        version: '0.1.0',
        description: 'JSON API of Medspiller. Errors answer `{ code, message }`.',
        license: {
          name: 'EUPL-1.2',
          url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
        },
      },
      // Relative: the API is served by the same origin as this document.
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'medspiller_session',
            description: 'Set by POST /api/session (or an OpenID Connect login).',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description:
              'Required on every POST, PUT, PATCH and DELETE: the value of the `medspiller_csrf` cookie, which GET /api/session sets.',
          },
        },
      },
    },
    // Each operation's security follows its declared policy, as plugins/auth.ts enforces it: a
    // session unless the route is public, and the CSRF header on every state-changing request
    // (the login included).
    transform: ({ schema, url, route }) => {
      const policy = route.config?.policy;
      if (policy === undefined) return { schema, url };
      const changes = [route.method].flat().some((method) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method));
      const needs = [...(policy.access === 'public' ? [] : ['session']), ...(changes ? ['csrf'] : [])];
      return {
        schema: {
          ...schema,
          security: needs.length === 0 ? [] : [Object.fromEntries(needs.map((name) => [name, []]))],
        },
        url,
      };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const webDir = options.webDir;
  const serveWeb = webDir !== undefined && existsSync(path.join(webDir, 'index.html'));
  registerErrorHandling(app, serveWeb ? (reply) => reply.type('text/html').sendFile('index.html') : undefined);
  const services: Services = { db: options.db, keyring: options.keyring, clock: options.clock ?? (() => new Date()) };
  // The auth plugin gets the session and the scope decision from the modules that own them.
  registerAuth(app, { resolveSession: sessionResolver(services), checkScope: createScopeCheck(services) });
  const cookies = { secure: options.secureCookies === true, sessionMaxAge: SESSION_COOKIE_MAX_AGE };

  await app.register(systemRoutes, { db: options.db, migrationCount: options.migrationCount });
  await app.register(sessionRoutes, { ...services, cookies });
  await app.register(caseRoutes, services);
  await app.register(deadlineRoutes, services);
  await app.register(teamRoutes, services);
  await app.register(auditRoutes, services);
  await app.register(statusPeriodRoutes, services);
  await app.register(experimentRoutes, services);
  await app.register(userRoutes, services);
  await app.register(settingsRoutes, services);
  await app.register(oidcRoutes, { ...services, cookies });

  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  return app;
}
