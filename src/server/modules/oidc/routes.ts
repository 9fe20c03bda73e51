import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../http/context.js';
import { AppError } from '../../errors.js';
import { ErrorBody, errorResponses } from '../../http/schemas.js';
import { SESSION_COOKIE, setSessionCookies, type CookieOptions } from '../../plugins/auth.js';
import { PUBLIC } from '../../plugins/policy.js';
import { IpLimiter } from '../session/ip-limiter.js';
import { ProviderClients } from './clients.js';
import { CallbackQuery, ProviderList, ProviderParams, Redirect } from './schema.js';
import { finishLogin, listProviders, LOGIN_STATE_MINUTES, startLogin, type OidcServices } from './service.js';

export const OIDC_COOKIE = 'medspiller_oidc';
const COOKIE_PATH = '/api/oidc/';

export interface OidcOptions extends Services {
  cookies: CookieOptions;
  /** Where client secrets are read, by the names in oidc_provider.client_secret_env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The redirect URI registered at the identity provider: `<base>/api/oidc/<id>/callback`. Behind
 * TLS (secure cookies) the scheme is https even when a proxy speaks http to us; a forged Host
 * yields a URI the provider does not know, so it refuses the login.
 */
function callbackUri(request: FastifyRequest, providerId: string, cookies: CookieOptions): URL {
  const scheme = cookies.secure ? 'https' : request.protocol;
  return new URL(`/api/oidc/${encodeURIComponent(providerId)}/callback`, `${scheme}://${request.host}`);
}

export const oidcRoutes: FastifyPluginAsyncTypebox<OidcOptions> = async (app, options) => {
  const { cookies, clock } = options;
  const services: OidcServices = {
    db: options.db.kysely,
    keyring: options.keyring,
    clients: new ProviderClients(options.env ?? process.env),
  };
  // Each start writes a row; this keeps one address from filling the table.
  const limiter = new IpLimiter(60, 10 * 60_000);

  const clearLoginCookie = (reply: FastifyReply): void => {
    reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH, secure: cookies.secure });
  };

  app.get(
    '/api/oidc/providers',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listLoginProviders',
        tags: ['session'],
        summary: 'Identity providers to log in with, per municipality',
        response: { 200: ProviderList },
      },
    },
    async () => listProviders(services),
  );

  app.get(
    '/api/oidc/:providerId/start',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'startOidcLogin',
        tags: ['session'],
        summary: 'Log in with OpenID Connect: redirects to the identity provider',
        params: ProviderParams,
        response: { 302: Redirect, ...errorResponses, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const now = clock();
      if (!limiter.take(request.ip, now.getTime())) {
        throw new AppError('rate_limited', {
          da: 'For mange loginforsøg herfra. Vent lidt og prøv igen.',
          en: 'Too many login attempts from here. Wait a while and try again.',
        });
      }
      const { providerId } = request.params;
      const started = await startLogin(services, providerId, callbackUri(request, providerId, cookies).href, now);
      reply.setCookie(OIDC_COOKIE, started.cookieKey, {
        path: COOKIE_PATH,
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET, which carries the cookie.
        sameSite: 'lax',
        secure: cookies.secure,
        maxAge: LOGIN_STATE_MINUTES * 60,
      });
      return reply.redirect(started.location.href, 302);
    },
  );

  app.get(
    '/api/oidc/:providerId/callback',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'finishOidcLogin',
        tags: ['session'],
        summary:
          'Where the identity provider sends the browser back; logs in and redirects to / (or to /login?error=…)',
        params: ProviderParams,
        querystring: CallbackQuery,
        response: { 302: Redirect, ...errorResponses, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const { providerId } = request.params;
      // The redirect URI with the provider's answer appended: openid-client reads the answer
      // from the query and sends the rest to the token endpoint as the redirect URI.
      const called = callbackUri(request, providerId, cookies);
      called.search = new URL(request.url, called).search;
      const result = await finishLogin(
        services,
        providerId,
        { url: called, cookieKey: request.cookies[OIDC_COOKIE], previousSession: request.cookies[SESSION_COOKIE] },
        clock(),
      );
      clearLoginCookie(reply);
      if (!result.ok) {
        request.log.warn({ providerId, reason: result.reason, detail: result.detail }, 'oidc login refused');
        return reply.redirect(`/login?error=${result.reason}`, 302);
      }
      const { session } = result;
      setSessionCookies(reply, session.cookie, session.csrfToken, cookies);
      request.log.info(
        { userId: session.actor.userId, municipalityId: session.actor.municipalityId, providerId },
        'oidc login',
      );
      return reply.redirect('/', 302);
    },
  );
};
