import * as oidc from 'openid-client';
import { AppError } from '../../errors.js';
import type { Provider } from './queries.js';

// One openid-client Configuration per provider row, from the issuer's discovery document.
// Kept for an hour, so a changed row or rotated metadata is picked up without a restart, and
// rebuilt at once when the row's connection details change.

const KEEP_MS = 3_600_000;
const TIMEOUT_SECONDS = 10;

/** An identity provider on this machine (development, tests) may be reached without TLS. */
export function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const notConfigured = (): AppError =>
  new AppError('not_ready', {
    da: 'Login via denne udbyder er ikke sat op på serveren endnu. Kontakt kommunens it-afdeling.',
    en: 'Login with this provider is not set up on the server yet. Contact the municipality’s IT department.',
  });

const unreachable = (): AppError =>
  new AppError('not_ready', {
    da: 'Login-udbyderen svarer ikke lige nu. Prøv igen om lidt.',
    en: 'The login provider does not answer right now. Please try again shortly.',
  });

interface Entry {
  fingerprint: string;
  config: Promise<oidc.Configuration>;
  until: number;
}

export class ProviderClients {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Throws `not_ready` when the secret is missing or the issuer cannot be reached. */
  async get(provider: Provider, nowMs: number): Promise<oidc.Configuration> {
    const secret = this.secretOf(provider);
    const fingerprint = JSON.stringify([provider.issuer, provider.clientId, provider.clientSecretEnv, secret]);
    const cached = this.entries.get(provider.id);
    if (cached !== undefined && cached.fingerprint === fingerprint && cached.until > nowMs) return cached.config;
    const config = this.discover(provider, secret);
    this.entries.set(provider.id, { fingerprint, config, until: nowMs + KEEP_MS });
    try {
      return await config;
    } catch (error) {
      this.entries.delete(provider.id);
      throw error;
    }
  }

  private secretOf(provider: Provider): string | undefined {
    if (provider.clientSecretEnv === null) return undefined;
    const secret = this.env[provider.clientSecretEnv];
    if (secret === undefined || secret === '') throw notConfigured();
    return secret;
  }

  private async discover(provider: Provider, secret: string | undefined): Promise<oidc.Configuration> {
    const issuer = new URL(provider.issuer);
    // Marked deprecated only to stand out: plain HTTP is allowed for a loopback issuer alone.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const execute = isLoopback(issuer) ? [oidc.allowInsecureRequests] : [];
    const auth = secret === undefined ? oidc.None() : oidc.ClientSecretPost(secret);
    let config: oidc.Configuration;
    try {
      config = await oidc.discovery(issuer, provider.clientId, undefined, auth, { execute, timeout: TIMEOUT_SECONDS });
    } catch (cause) {
      throw Object.assign(unreachable(), { cause });
    }
    // ID tokens come straight from the token endpoint, where OpenID Connect lets a client skip
    // their signature; we check it anyway, so a token is trusted for the provider's key alone.
    oidc.enableNonRepudiationChecks(config);
    return config;
  }
}
